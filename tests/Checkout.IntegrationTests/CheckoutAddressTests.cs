using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// The address typed on <c>/checkout</c> is the one the order ships to: «Төлем жасауға өту» submits the form as typed
/// (saving it on the way), and input that can't be saved stops the shopper on the page with the reason — never a silent loss.
/// </summary>
public sealed class CheckoutAddressTests : IDisposable
{
    private const string NewAddress = "Астана қ., Мәңгілік Ел даңғылы 55, 12-пәтер";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Going_on_to_payment_saves_the_typed_address_and_the_order_ships_there()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var page = await shopper.GetPageAsync("/checkout");
        var goOn = page.QuerySelector("button#go-to-payment") as IHtmlButtonElement;
        goOn.Should().NotBeNull("«Төлем жасауға өту» must be a button of the address form, not a link that leaves the typed fields behind");
        goOn!.TextContent.Should().Be("Төлем жасауға өту");
        var form = goOn.Form!;
        form.Action.Should().EndWith("/checkout/address");
        var fields = FieldsOf(form);
        fields["DeliveryAddress"] = NewAddress;
        fields[goOn.Name!] = goOn.Value;

        var response = await shopper.PostFormAsync("/checkout/address", fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/payment");
        (await shopper.GetPageAsync("/payment")).QuerySelector("#pay-button").Should().NotBeNull();
        var number = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber;
        await using var db = _shop.OpenDatabase();
        (await db.Orders.Where(o => o.Number == number).Select(o => o.DeliveryAddress).SingleAsync()).Should().Be(NewAddress);
    }

    [Fact]
    public async Task Going_on_with_an_address_that_cannot_be_saved_stops_on_the_checkout_page_with_the_reason()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await shopper.PostFormAsync("/checkout/address", new Dictionary<string, string>
        {
            ["FullName"] = "Айгерім",
            ["Phone"] = "+7 701 234 56 78",
            ["DeliveryAddress"] = "   ",
            ["next"] = "payment",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull("the shopper is not sent on to pay for an address that was not saved");
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector(".validation")!.TextContent.Should().NotBeNullOrWhiteSpace();
        page.QuerySelector("button#go-to-payment").Should().NotBeNull();
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Saving_alone_stays_on_the_checkout_page()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);

        var response = await shopper.PostFormAsync("/checkout/address", new Dictionary<string, string>
        {
            ["FullName"] = "Айгерім",
            ["Phone"] = "+7 701 234 56 78",
            ["DeliveryAddress"] = NewAddress,
        });

        response.Headers.Location!.OriginalString.Should().Be("/checkout");
    }

    private static Dictionary<string, string> FieldsOf(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlElement>()
            .Select(e => (Name: e.GetAttribute("name"), Value: e switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            }))
            .Where(f => f.Name is not null && f.Value is not null && f.Name != "__RequestVerificationToken")
            .ToDictionary(f => f.Name!, f => f.Value!);
}
