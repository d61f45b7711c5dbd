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

    public static IReadOnlyList<string> All { get; } = [Earned, Released, Spent, Returned, TakenBack];

    /// <summary>Whether an entry of <paramref name="kind"/> about <paramref name="points"/> moves the balance the way that kind does.</summary>
    public static bool Moves(string kind, long points, long available, long pending, long owed) => points > 0 && kind switch
    {
        Earned => available == 0 && pending == points && owed == 0,
        Released => pending == -points && owed <= 0 && available == points + owed,
        Spent => available == -points && pending == 0 && owed == 0,
        Returned => pending == 0 && owed <= 0 && available == points + owed,
        TakenBack => (pending == -points && available == 0 && owed == 0) || (pending == 0 && available <= 0 && owed >= 0 && owed - available == points),
        _ => false,
    };
}
