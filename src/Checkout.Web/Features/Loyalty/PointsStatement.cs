using System.Globalization;
using Checkout.Web.Domain;

namespace Checkout.Web.Features.Loyalty;

/// <summary>A shopper's points as the profile and the API show them: the balance, and the latest entries newest first.</summary>
public sealed record PointsStatement(long Available, long Pending, long Owed, IReadOnlyList<PointsEntry> History)
{
    /// <summary>How many of the latest entries the profile page and the API list.</summary>
    public const int LatestEntries = 20;

    private static readonly NumberFormatInfo Spaced = new() { NumberGroupSeparator = " ", NegativeSign = "\u2212" };

    /// <summary>Whole points as the pages show them: <c>18 519</c>.</summary>
    public static string Show(long points) => points.ToString("#,0", Spaced);

    /// <summary>An entry's points with the way they went for the shopper: <c>+18 519</c> earned, <c>−5 000</c> spent.</summary>
    public static string Signed(PointsEntry entry) =>
        (entry.Kind is PointsEntryKinds.Spent or PointsEntryKinds.TakenBack or PointsEntryKinds.ReferralTakenBack ? "\u2212" : "+") + Show(entry.Points);
}
