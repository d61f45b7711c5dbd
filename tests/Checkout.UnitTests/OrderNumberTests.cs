using Checkout.Web.Domain;

namespace Checkout.UnitTests;

public class OrderNumberTests
{
    [Fact]
    public void Reads_as_the_shops_date_and_six_unambiguous_characters()
    {
        var number = new OrderNumber().New(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(5)));

        number.Should().MatchRegex("^ORD-20261122-[0-9A-HJKMNP-TV-Z]{6}$");
    }

    [Theory]
    [InlineData(20, 30, "20261123")] // 01:30 the next morning in Almaty (UTC+5): the day the admin's list files it under
    [InlineData(18, 59, "20261122")] // 23:59 in Almaty, still the 22nd
    [InlineData(19, 0, "20261123")]  // midnight in Almaty
    public void Takes_its_date_from_the_almaty_calendar_not_the_utc_one(int hour, int minute, string day)
    {
        var number = new OrderNumber().New(new DateTimeOffset(2026, 11, 22, hour, minute, 0, TimeSpan.Zero));

        number.Should().StartWith($"ORD-{day}-");
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
