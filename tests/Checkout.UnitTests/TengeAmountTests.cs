using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;

namespace Checkout.UnitTests;

public class TengeAmountTests
{
    [Theory]
    [InlineData(185_348_000, "1853480.00")]
    [InlineData(25_565_241, "255652.41")]
    [InlineData(1, "0.01")]
    [InlineData(150, "1.50")]
    [InlineData(0, "0.00")]
    public void Writes_tenge_with_two_decimals_in_the_invariant_culture(long tiyn, string wire) =>
        TengeAmount.Format(new Money(tiyn)).Should().Be(wire);

    [Theory]
    [InlineData("1853480.00", 185_348_000)]
    [InlineData("1853480", 185_348_000)]
    [InlineData("255652.41", 25_565_241)]
    [InlineData("0.01", 1)]
    [InlineData("1.5", 150)]
    [InlineData("1.500", 150)]
    public void Reads_tenge_back_to_the_tiyn(string wire, long tiyn)
    {
        TengeAmount.TryParse(wire, out var amount).Should().BeTrue();
        amount.Should().Be(new Money(tiyn));
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1.005")]
    [InlineData("-1.00")]
    [InlineData("1e3")]
    [InlineData("1,00")]
    [InlineData("1 000.00")]
    [InlineData(" 1.00")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("99999999999999999999.00")]
    public void Refuses_what_is_not_an_exact_positive_amount_in_tenge(string wire) =>
        TengeAmount.TryParse(wire, out _).Should().BeFalse();

    [Fact]
    public void A_round_trip_through_the_wire_keeps_every_tiyn()
    {
        foreach (var tiyn in new long[] { 1, 99, 100, 101, 25_565_241, 185_348_000, 999_999_999_999 })
        {
            TengeAmount.TryParse(TengeAmount.Format(new Money(tiyn)), out var back).Should().BeTrue();
            back.Tiyn.Should().Be(tiyn);
        }
    }
}
