using System.Net;
using Checkout.Web.Operations;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// Only addresses the mail layer can send to are accepted, normalised, and never a look-alike of an existing account's;
/// an unsendable address already in the database makes its order's mail «undeliverable», not a dead letter, and
/// <c>verify</c> still holds.
/// </summary>
public sealed class EmailAddressTests : IDisposable
{
    private const string Password = "Valid-2026-kz";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("Support victim@example.org")] // a display name: the mail would go to the victim
    [InlineData("Support <victim@example.org>")]
    [InlineData("<svg/onload=alert(1)>@x.kz")]
    [InlineData("ԁemo@checkout.local")] // a Cyrillic ԁ before Latin "emo"
    [InlineData("demo@сheckout.local")] // a Cyrillic с in a Latin domain label
    [InlineData("demo@checkout.ӏосаӏ")] // each label of one script, but it reads as demo@checkout.local
    [InlineData("\"a b\"@example.kz")]
    [InlineData("dana@example")]
    public async Task An_address_the_mail_layer_can_not_take_or_a_look_alike_is_refused(string email)
    {
        using var visitor = _shop.CreateShopper();
        await using var before = _shop.OpenDatabase();
        var users = await before.Users.CountAsync();

        var response = await visitor.RegisterAsync("Шабуылшы", email, Password);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain("Электрондық пошта дұрыс емес");
        await using var after = _shop.OpenDatabase();
        (await after.Users.CountAsync()).Should().Be(users);
    }

    [Fact]
    public async Task An_address_is_stored_trimmed_and_normalised_with_its_domain_in_lower_case()
    {
        using var visitor = _shop.CreateShopper();

        var response = await visitor.RegisterAsync("Дана", "  Dana.S@Example.KZ ", Password);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = _shop.OpenDatabase();
        (await db.Users.Where(u => u.FullName == "Дана").Select(u => u.Email).SingleAsync()).Should().Be("Dana.S@example.kz");
        _shop.AccountMailTo("Dana.S@example.kz").Should().ContainSingle();
    }

    [Fact]
    public async Task A_kazakh_address_registers_and_is_mailed()
    {
        using var visitor = _shop.CreateShopper();

        var response = await visitor.RegisterAsync("Айгүл", "айгүл@пошта.қаз", Password);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var mail = _shop.AccountMailTo("айгүл@пошта.қаз").Should().ContainSingle().Which;
        (await visitor.ConfirmAsync(mail)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_shopper_with_a_kazakh_address_gets_the_order_confirmation()
    {
        using var shopper = await _shop.SignedInAsync();
        await using (var db = _shop.OpenDatabase())
        {
            await db.Users.Where(u => u.Email == Shopper.DemoEmail).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "айгерім@пошта.қаз"));
        }

        var order = await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 1);
        await _shop.WaitForOutboxAsync();

        await using (var db = _shop.OpenDatabase())
        {
            (await db.OutboxMessages.SingleAsync(m => m.Subject == order && m.Handler == OrderConfirmationEmail.HandlerName)).DeadLetteredUtc.Should().BeNull();
        }

        File.ReadAllText(Path.Combine(_shop.DataDirectory, "mail", $"{order}.eml")).Should().Contain("To: айгерім@пошта.қаз");
    }

    [Fact]
    public async Task An_unsendable_address_already_stored_makes_the_mail_undeliverable_and_the_books_still_hold()
    {
        using var shopper = await _shop.SignedInAsync();
        await using (var db = _shop.OpenDatabase())
        {
            // An address stored before the shop checked them.
            await db.Users.Where(u => u.Email == Shopper.DemoEmail)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "<svg/onload=alert(1)>@x.kz"));
        }

        var order = await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 1);
        await _shop.WaitForOutboxAsync();

        await using (var db = _shop.OpenDatabase())
        {
            var mail = await db.OutboxMessages.SingleAsync(m => m.Subject == order && m.Handler == OrderConfirmationEmail.HandlerName);
            mail.ProcessedUtc.Should().NotBeNull();
            mail.DeadLetteredUtc.Should().BeNull();
            mail.Attempts.Should().Be(1);
        }

        var pickup = Path.Combine(_shop.DataDirectory, "mail");
        File.Exists(Path.Combine(pickup, $"{order}.eml")).Should().BeFalse();
        File.ReadAllText(Path.Combine(pickup, $"{order}.undeliverable")).Should().Contain("<svg/onload=alert(1)>@x.kz");
        await using var output = new StringWriter();
        var exit = await VerifyCommand.RunAsync(_shop.Services, [], output);
        exit.Should().Be(0, output.ToString());
        output.ToString().Should().Contain("1 delivered, 0 .eml files, 1 undeliverable");
    }
}
