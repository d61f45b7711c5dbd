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
    [InlineData("""{"card_id":1,"expected_total":null}""", 1, null, "card")] // null: not given
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

    [Theory]
    [InlineData("-1")]
    [InlineData("12.5")]
    [InlineData("\"1853480\"")]
    [InlineData("1e400")]
    [InlineData("92233720368547759")] // one tenge more than tiyn can hold
    [InlineData("false")]
    [InlineData("[1853480]")]
    [InlineData("{\"tenge\":1}")]
    public async Task A_shown_total_that_is_no_whole_tenge_is_malformed_not_missing(string shown)
    {
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"card_id":1,"expected_total":{{shown}}}"""));

        var request = await PaymentRequest.FromJsonAsync(body, CancellationToken.None);

        request.Should().Be(new PaymentRequest(1, null, "card", ExpectedTotalMalformed: true));
    }

    [Fact]
    public async Task The_largest_total_tiyn_can_hold_is_a_shown_total()
    {
        var largest = long.MaxValue / Money.TiynPerTenge;
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"card_id":1,"expected_total":{{largest}}}"""));

        (await PaymentRequest.FromJsonAsync(body, CancellationToken.None)).ExpectedTotal.Should().Be(Money.FromTenge(largest));
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D })] // {"\xFF":1}
    [InlineData(new byte[] { 0x22, 0xC3, 0x28, 0x22 })] // a cut two-byte sequence
    public async Task A_body_that_is_not_utf8_is_unreadable(byte[] bytes)
    {
        await using var body = new MemoryStream(bytes);

        var read = () => PaymentRequest.FromJsonAsync(body, CancellationToken.None);

        await read.Should().ThrowAsync<InvalidDataException>();
    }

    [Theory]
    [InlineData("""{"card_id":1,"payment_method":"\ud800"}""")]
    [InlineData("""{"card_id":1,"\udc00":1}""")]
    [InlineData("""{"card_id":1,"notes":["ok","\ud83d"]}""")]
    public async Task A_lone_surrogate_anywhere_is_unreadable(string json)
    {
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var read = () => PaymentRequest.FromJsonAsync(body, CancellationToken.None);

        await read.Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public async Task A_surrogate_pair_is_text()
    {
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes("""{"card_id":1,"notes":"\ud83d\ude00"}"""));

        (await PaymentRequest.FromJsonAsync(body, CancellationToken.None)).CardId.Should().Be(1);
    }

    [Theory]
    [InlineData("2", "1853480", null, 2, 1_853_480L, "card")]
    [InlineData(null, null, "cash_on_delivery", null, null, "cash_on_delivery")]
    [InlineData("abc", "", "", null, null, "card")]
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
    [InlineData("-5")]
    [InlineData("12.5")]
    [InlineData("abc")]
    [InlineData(" 100")]
    [InlineData("92233720368547759")]
    public void A_form_shown_total_that_is_no_whole_tenge_is_malformed(string shown)
    {
        var request = PaymentRequest.FromForm(new FormCollection(new Dictionary<string, StringValues> { ["card_id"] = "1", ["expected_total"] = shown }));

        request.Should().Be(new PaymentRequest(1, null, "card", ExpectedTotalMalformed: true));
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
