using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public class MoneyTests
{
    [Theory]
    [InlineData(0, "0 ₸")]
    [InlineData(1_500, "1 500 ₸")]
    [InlineData(925_990, "925 990 ₸")]
    [InlineData(1_853_480, "1 853 480 ₸")]
    [InlineData(4_300_000, "4 300 000 ₸")]
    public void Formats_whole_tenge_with_space_groups_and_the_tenge_sign(long tenge, string expected) =>
        Money.FromTenge(tenge).ToString().Should().Be(expected);

    [Fact]
    public void A_negative_amount_reads_with_the_minus_sign_not_a_hyphen()
    {
        Money.FromTenge(-361_480).ToString().Should().Be("\u2212361 480 ₸");
        new Money(-50).ToString().Should().Be("\u22120,50 ₸");
    }

    [Fact]
    public void Shows_tiyn_only_when_there_are_any() =>
        new Money(185_348_050).ToString().Should().Be("1 853 480,50 ₸");

    [Fact]
    public void Keeps_tenge_as_tiyn_exactly() =>
        Money.FromTenge(925_990).Tiyn.Should().Be(92_599_000);

    [Theory]
    [InlineData(149, 1)]
    [InlineData(150, 2)]
    [InlineData(-150, -2)]
    [InlineData(250, 3)]
    public void Rounds_to_whole_tenge_half_away_from_zero(long tiyn, long tenge) =>
        new Money(tiyn).WholeTenge.Should().Be(tenge);

    [Fact]
    public void Adds_subtracts_and_multiplies_exactly()
    {
        var price = Money.FromTenge(925_990);
        (price * 2).Should().Be(Money.FromTenge(1_851_980));
        (Money.FromTenge(4_300_000) - Money.FromTenge(1_853_480)).Should().Be(Money.FromTenge(2_446_520));
        Money.Sum([price, price, Money.FromTenge(1_500)]).Should().Be(Money.FromTenge(1_853_480));
    }

    [Fact]
    public void Refuses_to_overflow_silently()
    {
        var huge = new Money(long.MaxValue);
        var act = () => huge + new Money(1);
        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Compares_by_amount()
    {
        (Money.FromTenge(650_000) < Money.FromTenge(1_853_480)).Should().BeTrue();
        (Money.FromTenge(2_446_520) >= Money.FromTenge(2_446_520)).Should().BeTrue();
    }
}
