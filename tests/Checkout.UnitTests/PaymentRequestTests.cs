using System.Text;
using Checkout.Web.Domain;
using Checkout.Web.Features.Checkout;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Checkout.UnitTests;

public class PaymentRequestTests
{
    [Theory]
    [InlineData("""{"card_id":1}""", 1, null, "card")]
    [InlineData("""{"card_id":4,"expected_total":1853480}""", 4, 1_853_480L, "card")]
    [InlineData("""{"payment_method":"cash_on_delivery"}""", null, null, "cash_on_delivery")]
    [InlineData("""{"card_id":1,"payment_method":""}""", 1, null, "card")]
    [InlineData("""{"card_id":"1"}""", null, null, "card")] // a string is no card id: "choose a card"
    [InlineData("""{"card_id":1.5}""", 0, null, "card")] // a number that can't be an id names no card: "card not found"
    [InlineData("""{"card_id":-3}""", 0, null, "card")]
    [InlineData("""{"card_id":99999999999}""", 0, null, "card")]
    [InlineData("""{"card_id":2.0}""", 2, null, "card")]
    [InlineData("""{"card_id":1,"expected_total":-1}""", 1, null, "card")]
    [InlineData("""{"card_id":1,"expected_total":12.5}""", 1, null, "card")]
    [InlineData("""{"card_id":1,"expected_total":"1853480"}""", 1, null, "card")]
    [InlineData("""{"card_id":1,"payment_method":"bitcoin"}""", 1, null, "bitcoin")] // kept as given, refused later
    [InlineData("""{"card_id":1,"payment_method":7}""", 1, null, "7")]
    [InlineData("""[1,2]""", null, null, "card")]
    [InlineData("""not json""", null, null, "card")]
    [InlineData("", null, null, "card")]
    public async Task A_json_body_is_read_into_card_shown_total_and_method(string json, int? cardId, long? shownTenge, string method)
    {
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var request = await PaymentRequest.FromJsonAsync(body, CancellationToken.None);

        request.Should().Be(new PaymentRequest(cardId, shownTenge is { } tenge ? Money.FromTenge(tenge) : null, method));
    }

    [Fact]
    public async Task A_shown_total_too_large_for_tiyn_is_no_shown_total()
    {
        var tooLarge = (long.MaxValue / Money.TiynPerTenge) + 1;
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"card_id":1,"expected_total":{{tooLarge}}}"""));

        (await PaymentRequest.FromJsonAsync(body, CancellationToken.None)).ExpectedTotal.Should().BeNull();
    }

    [Theory]
    [InlineData("2", "1853480", null, 2, 1_853_480L, "card")]
    [InlineData(null, null, "cash_on_delivery", null, null, "cash_on_delivery")]
    [InlineData("abc", "-5", "", null, null, "card")]
    [InlineData("1", "92233720368547759", "card", 1, null, "card")]
    public void A_plain_form_is_read_the_same_way(string? cardId, string? shownTotal, string? method, int? expectedCard, long? expectedTenge, string expectedMethod)
    {
        var fields = new Dictionary<string, StringValues>();
        Add(fields, "card_id", cardId);
        Add(fields, "expected_total", shownTotal);
        Add(fields, "payment_method", method);

        var request = PaymentRequest.FromForm(new FormCollection(fields));

        request.Should().Be(new PaymentRequest(expectedCard, expectedTenge is { } tenge ? Money.FromTenge(tenge) : null, expectedMethod));
    }

    [Theory]
    [InlineData("card", true)]
    [InlineData("cash_on_delivery", true)]
    [InlineData("Card", false)]
    [InlineData("bitcoin", false)]
    public void Only_card_and_cash_on_delivery_are_known_methods(string method, bool known) =>
        new PaymentRequest(1, null, method).IsKnownMethod.Should().Be(known);

    private static void Add(Dictionary<string, StringValues> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
