using System.Text.Json;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

/// <summary>
/// What a payment asks for: <c>payment_method</c> (<c>card</c>, the default, or <c>cash_on_delivery</c>; anything
/// else is kept as given and refused), <c>card_id</c> and, from the shop's own page, the <c>expected_total</c> the shopper saw.
/// A missing or non-numeric card id is null ("choose a card"); any other number that can't be a card's id is 0,
/// which names no card ("card not found").
/// </summary>
public sealed record PaymentRequest(int? CardId, Money? ExpectedTotal, string Method = PaymentMethods.Card)
{
    private const int NoSuchCard = 0;

    public bool IsKnownMethod => Method is PaymentMethods.Card or PaymentMethods.CashOnDelivery;

    public static PaymentRequest FromForm(IFormCollection form) => new(
        int.TryParse(form["card_id"], out var id) ? id : null,
        long.TryParse(form["expected_total"], out var total) && total is >= 0 and <= long.MaxValue / Money.TiynPerTenge ? Money.FromTenge(total) : null,
        MethodOf(form["payment_method"].ToString()));

    private static string MethodOf(string? given) => string.IsNullOrEmpty(given) ? PaymentMethods.Card : given;

    public static async Task<PaymentRequest> FromJsonAsync(Stream body, CancellationToken ct)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new PaymentRequest(null, null);
            }

            var cardId = json.RootElement.TryGetProperty("card_id", out var card) && card.ValueKind == JsonValueKind.Number
                ? WholeNumber(card) is >= 1 and <= int.MaxValue and var id ? (int)id : NoSuchCard
                : (int?)null;
            var expected = json.RootElement.TryGetProperty("expected_total", out var total) && total.ValueKind == JsonValueKind.Number
                && WholeNumber(total) is { } tenge and >= 0 and <= long.MaxValue / Money.TiynPerTenge
                    ? Money.FromTenge((long)tenge)
                    : (Money?)null;
            var method = json.RootElement.TryGetProperty("payment_method", out var chosen)
                ? chosen.ValueKind == JsonValueKind.String ? MethodOf(chosen.GetString()) : chosen.GetRawText()
                : PaymentMethods.Card;
            return new PaymentRequest(cardId, expected, method);
        }
        catch (JsonException)
        {
            return new PaymentRequest(null, null);
        }
    }

    private static decimal? WholeNumber(JsonElement number) =>
        number.TryGetDecimal(out var value) && value == decimal.Truncate(value) ? value : null;
}
