using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Checkout.Web.Infrastructure;

/// <summary>How the shop writes JSON answers: snake_case names, Kazakh letters written as they are.</summary>
public static class ShopJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Cyrillic),
    };
}
