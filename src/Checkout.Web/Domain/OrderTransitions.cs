namespace Checkout.Web.Domain;

/// <summary>
/// Which state may follow which (seed 002), and who may move an order there. Anything not listed is refused:
/// an illegal transition is an answer with a reason, never a silent no-op.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [OrderStatus.Pending] = [OrderStatus.Processing, OrderStatus.Cancelled],
        [OrderStatus.Processing] = [OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Completed],
        [OrderStatus.Delivered] = [OrderStatus.Completed, OrderStatus.ReturnRequested],
        [OrderStatus.Completed] = [OrderStatus.ReturnRequested],
        [OrderStatus.ReturnRequested] = [OrderStatus.Refunded, OrderStatus.Delivered],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    /// <summary>The states an admin may set with the status form (returns are decided in the returns queue).</summary>
    public static readonly IReadOnlyList<string> AdminSettable =
        [OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled];

    public static bool IsAllowed(string from, string to) => Next.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<string> From(string status) => Next.TryGetValue(status, out var next) ? next : [];

    /// <summary>The shopper may cancel until the order leaves the warehouse.</summary>
    public static bool ShopperMayCancel(string status) => IsAllowed(status, OrderStatus.Cancelled);

    public static bool ShopperMayRequestReturn(string status) => IsAllowed(status, OrderStatus.ReturnRequested);

    /// <summary>Leaving these states for delivered or completed means the goods (and, for cash on delivery, the cash) changed hands.</summary>
    public static bool HandsOverGoods(string from, string to) =>
        from is OrderStatus.Processing or OrderStatus.Shipped && to is OrderStatus.Delivered or OrderStatus.Completed;

    /// <summary>Transitions that give the money back and put the goods back on the shelf.</summary>
    public static bool RefundsAndRestocks(string to) => to is OrderStatus.Cancelled or OrderStatus.Refunded;
}
