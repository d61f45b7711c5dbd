using Microsoft.Extensions.Localization;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// Colours are stored as the stores list them (Russian, e.g. «Оранжевый», which SPEC, the seed and the e-mails quote)
/// and shown on the pages in Kazakh through a <c>Color_…</c> resource; a colour the admin typed that has none is shown as typed.
/// </summary>
public static class ColourNames
{
    public static string ColourName(this IStringLocalizer text, string stored)
    {
        var shown = text["Color_" + stored];
        return shown.ResourceNotFound ? stored : shown.Value;
    }
}
