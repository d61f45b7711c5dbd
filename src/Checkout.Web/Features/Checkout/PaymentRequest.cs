using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

/// <summary>
/// What a payment asks for: <c>payment_method</c> (<c>card</c>, the default, <c>cash_on_delivery</c> or <c>online</c>; anything
/// else is kept as given and refused), <c>card_id</c>, <c>points</c> (whole bonus points to pay part of the goods with,
/// 0 when absent; anything but a whole number from 0 up is <see cref="PointsMalformed"/>) and, from the shop's own
/// page, the <c>expected_total</c> the shopper saw (before points). Online, <c>saved_card_id</c> pays with a saved card in one click
/// (a number that names no card is 0) and <c>save_card</c> asks the hosted page to save the card typed there.
/// A missing or non-numeric card id is null ("choose a card"); any other number that can't be a card's id is 0,
/// which names no card ("card not found"). An <c>expected_total</c> that is given but is no whole number of tenge
/// from 0 up is <see cref="ExpectedTotalMalformed"/>: refused, never taken for a missing one (that would switch off
/// the "cart changed" guard).
/// </summary>
public sealed record PaymentRequest(int? CardId, Money? ExpectedTotal, string Method = PaymentMethods.Card, bool ExpectedTotalMalformed = false,
    long Points = 0, bool PointsMalformed = false)
{
    public int? SavedCardId { get; init; }

    public bool SaveCard { get; init; }

    private const int NoSuchCard = 0;

    private const long MaxTenge = long.MaxValue / Money.TiynPerTenge;

    public bool IsKnownMethod => Method is PaymentMethods.Card or PaymentMethods.CashOnDelivery or PaymentMethods.Online;

    public static PaymentRequest FromForm(IFormCollection form)
    {
        var shown = form["expected_total"].ToString();
        var total = shown.Length == 0
            ? null
            : long.TryParse(shown, NumberStyles.None, CultureInfo.InvariantCulture, out var tenge) && tenge <= MaxTenge ? Money.FromTenge(tenge) : (Money?)null;
        var points = form["points"].ToString().Trim();
        var pointsRead = points.Length == 0 ? 0 : long.TryParse(points, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxTenge ? n : (long?)null;
        return new PaymentRequest(
            int.TryParse(form["card_id"], out var id) ? id : null,
            total,
            MethodOf(form["payment_method"].ToString()),
            ExpectedTotalMalformed: shown.Length > 0 && total is null,
            Points: pointsRead ?? 0,
            PointsMalformed: pointsRead is null)
        {
            SavedCardId = form.ContainsKey("saved_card_id") ? int.TryParse(form["saved_card_id"], out var saved) && saved > 0 ? saved : NoSuchCard : null,
            SaveCard = form["save_card"].ToString() is "true" or "on",
        };
    }

    private static string MethodOf(string? given) => string.IsNullOrEmpty(given) ? PaymentMethods.Card : given;

    /// <summary>Reads a JSON body; one that isn't text (invalid UTF-8, a lone surrogate) throws <see cref="InvalidDataException"/>.</summary>
    public static async Task<PaymentRequest> FromJsonAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            throw new InvalidDataException("The payment body is not UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return new PaymentRequest(null, null);
        }

        using (json)
        {
            if (!IsText(json.RootElement))
            {
                throw new InvalidDataException("The payment body holds a string that is not text.");
            }

            return json.RootElement.ValueKind == JsonValueKind.Object ? Read(json.RootElement) : new PaymentRequest(null, null);
        }
    }

    private static PaymentRequest Read(JsonElement root)
    {
        var cardId = root.TryGetProperty("card_id", out var card) && card.ValueKind == JsonValueKind.Number
            ? WholeNumber(card) is >= 1 and <= int.MaxValue and var id ? (int)id : NoSuchCard
            : (int?)null;
        var given = root.TryGetProperty("expected_total", out var total) && total.ValueKind != JsonValueKind.Null;
        var expected = given && total.ValueKind == JsonValueKind.Number && WholeNumber(total) is { } tenge and >= 0 and <= MaxTenge
            ? Money.FromTenge((long)tenge)
            : (Money?)null;
        var method = root.TryGetProperty("payment_method", out var chosen)
            ? chosen.ValueKind == JsonValueKind.String ? MethodOf(chosen.GetString()) : chosen.GetRawText()
            : PaymentMethods.Card;
        var pointsGiven = root.TryGetProperty("points", out var asked) && asked.ValueKind != JsonValueKind.Null;
        var points = !pointsGiven ? 0
            : asked.ValueKind == JsonValueKind.Number && WholeNumber(asked) is { } whole and >= 0 and <= MaxTenge ? (long)whole
            : (long?)null;
        var savedCardId = root.TryGetProperty("saved_card_id", out var saved) && saved.ValueKind != JsonValueKind.Null
            ? saved.ValueKind == JsonValueKind.Number && WholeNumber(saved) is >= 1 and <= int.MaxValue and var savedId ? (int)savedId : NoSuchCard
            : (int?)null;
        var saveCard = root.TryGetProperty("save_card", out var save) && save.ValueKind == JsonValueKind.True;
        return new PaymentRequest(cardId, expected, method, ExpectedTotalMalformed: given && expected is null, Points: points ?? 0, PointsMalformed: points is null)
        {
            SavedCardId = savedCardId,
            SaveCard = saveCard,
        };
    }

    /// <summary>Whether every name and string in the element decodes to text (an escaped lone surrogate doesn't).</summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(IsText);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!IsText(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static decimal? WholeNumber(JsonElement number) =>
        number.TryGetDecimal(out var value) && value == decimal.Truncate(value) ? value : null;
}
