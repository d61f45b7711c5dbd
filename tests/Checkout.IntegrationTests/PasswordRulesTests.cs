using System.Net;

namespace Checkout.IntegrationTests;

/// <summary>
/// ASVS L2 passwords: at least 10 characters, long passphrases and Cyrillic welcome, no composition rules, the commonest
/// refused; the rules shown before the first attempt, each refusal said once. The seeded demo passwords still sign in.
/// </summary>
public sealed class PasswordRulesTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("бір екі үш төрт бес")] // Cyrillic, spaces, no digits, no capitals
    [InlineData("correcthorsebatterystaple")]
    [InlineData("a passphrase of sixty-four characters or more is welcome here, and even longer ones")]
    [InlineData("tenletters")]
    public async Task A_long_enough_uncommon_password_is_accepted_without_composition_rules(string password)
    {
        using var visitor = _shop.CreateShopper();

        var response = await visitor.RegisterAsync("Дана", "dana@example.kz", password);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Short1!", "10 таңба")]
    [InlineData("qwertyuiop", "кең таралған")]
    [InlineData("1234567890", "кең таралған")]
    [InlineData("Password123", "кең таралған")]
    public async Task A_short_or_common_password_is_refused_with_its_reason_once(string password, string reason)
    {
        using var visitor = _shop.CreateShopper();

        var response = await visitor.RegisterAsync("Дана", "dana@example.kz", password);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var messages = (await Shopper.ParseAsync(response)).QuerySelectorAll(".validation li").Select(li => li.TextContent).ToList();
        messages.Should().ContainSingle(m => m.Contains(reason));
        messages.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("/account/register")]
    [InlineData("/account/password")]
    public async Task The_rules_are_shown_before_the_first_attempt(string page)
    {
        using var visitor = page == "/account/register" ? _shop.CreateShopper() : await _shop.SignedInAsync();

        var form = await visitor.GetPageAsync(page);

        form.QuerySelector(".validation").Should().BeNull();
        var rules = form.QuerySelector("[id$='password-rules']")!.TextContent;
        rules.Should().Contain("Кемінде 10 таңба").And.Contain("Кең таралған");
    }

    [Theory]
    [InlineData(Shopper.DemoEmail, Shopper.DemoPassword)]
    [InlineData(Shopper.AidosEmail, Shopper.AidosPassword)]
    [InlineData(OrderFlows.AdminEmail, OrderFlows.AdminPassword)]
    public async Task The_documented_demo_logins_still_work(string email, string password)
    {
        using var visitor = _shop.CreateShopper();

        (await visitor.TryLoginAsync(email, password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
