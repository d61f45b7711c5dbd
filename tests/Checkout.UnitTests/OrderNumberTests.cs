using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public class OrderNumberTests
{
    [Fact]
    public void Reads_as_date_and_six_unambiguous_characters()
    {
        var number = OrderNumber.New(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(5)));

        number.Should().MatchRegex("^ORD-20261122-[0-9A-HJKMNP-TV-Z]{6}$");
    }

    [Fact]
    public void Does_not_repeat_in_practice()
    {
        var now = DateTimeOffset.UtcNow;
        Enumerable.Range(0, 10_000).Select(_ => OrderNumber.New(now)).Should().OnlyHaveUniqueItems();
    }
}
