using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// <see cref="Money"/> in the gateway's JSON: a number in tenge with two decimals, written and read as its text, so no
/// binary floating point ever touches it.
/// </summary>
public sealed class TengeJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            throw new JsonException("An amount must be a number.");
        }

        var bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return TengeAmount.TryParse(Encoding.UTF8.GetString(bytes), out var amount)
            ? amount
            : throw new JsonException("An amount must be tenge with at most two decimals.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteRawValue(TengeAmount.Format(value), skipInputValidation: true);
}
