namespace Checkout.Web.Domain;

/// <summary>What a <see cref="PointsEntry"/> records, and which parts of the balance each kind may move.</summary>
public static class PointsEntryKinds
{
    /// <summary>A paid order earned points: pending (+n).</summary>
    public const string Earned = "earned";

    /// <summary>The order was delivered or completed: its pending points become available, what is owed paid off first.</summary>
    public const string Released = "released";

    /// <summary>Points paid part of an order's goods at checkout: available (−n).</summary>
    public const string Spent = "spent";

    /// <summary>The order that spent points was cancelled or refunded: they come back, what is owed paid off first.</summary>
    public const string Returned = "returned";

    /// <summary>
    /// The order that earned points was cancelled or refunded: pending ones vanish; available ones are debited as far as
    /// they are there, and the rest (already spent) is owed.
    /// </summary>
    public const string TakenBack = "taken_back";

    /// <summary>A referral reward of someone's paid order (a share of it, or the buyer's signup gift): pending (+n).</summary>
    public const string ReferralEarned = "ref_earned";

    /// <summary>That order was delivered or completed: the referral points become available, what is owed paid off first.</summary>
    public const string ReferralReleased = "ref_released";

    /// <summary>That order was cancelled or refunded: the referral points are taken back as <see cref="TakenBack"/> takes an order's own.</summary>
    public const string ReferralTakenBack = "ref_taken_back";

    public static IReadOnlyList<string> All { get; } = [Earned, Released, Spent, Returned, TakenBack, ReferralEarned, ReferralReleased, ReferralTakenBack];

    /// <summary>A referral kind: about someone else's order (the buyer's own signup gift aside), so never linked to it.</summary>
    public static bool IsReferral(string kind) => kind is ReferralEarned or ReferralReleased or ReferralTakenBack;

    /// <summary>Whether an entry of <paramref name="kind"/> about <paramref name="points"/> moves the balance the way that kind does.</summary>
    public static bool Moves(string kind, long points, long available, long pending, long owed) => points > 0 && kind switch
    {
        Earned or ReferralEarned => available == 0 && pending == points && owed == 0,
        Released or ReferralReleased => pending == -points && owed <= 0 && available == points + owed,
        Spent => available == -points && pending == 0 && owed == 0,
        Returned => pending == 0 && owed <= 0 && available == points + owed,
        TakenBack or ReferralTakenBack => (pending == -points && available == 0 && owed == 0) || (pending == 0 && available <= 0 && owed >= 0 && owed - available == points),
        _ => false,
    };
}
