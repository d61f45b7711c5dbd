using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public class OrderNumberTests
{
    [Fact]
    public void Reads_as_the_utc_date_and_six_unambiguous_characters()
    {
        var number = new OrderNumber().New(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(5)));

        number.Should().MatchRegex("^ORD-20261122-[0-9A-HJKMNP-TV-Z]{6}$");
    }

    [Fact]
    public void Draws_its_characters_at_random()
    {
        var now = DateTimeOffset.UtcNow;
        var suffixes = Enumerable.Range(0, 200).Select(_ => new OrderNumber().New(now)[^6..]).ToList();

        // 200 draws from 32^6 values: a repeat has odds of about 1 in 50 000.
        suffixes.Distinct().Count().Should().BeGreaterThan(198);
        string.Concat(suffixes).Distinct().Count().Should().BeGreaterThan(25, "the whole alphabet is used");
    }
}
