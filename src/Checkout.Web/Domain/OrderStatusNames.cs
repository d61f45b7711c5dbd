namespace Checkout.Web.Domain;

/// <summary>The stored (and shown, in <c>data-status</c> and resource keys) name of each <see cref="OrderStatus"/>.</summary>
public static class OrderStatusNames
{
    /// <summary>How an <see cref="OrderStatus.Unknown"/> state is shown; never stored.</summary>
    public const string Unknown = "unknown";

    private static readonly Dictionary<OrderStatus, string> Names = new()
    {
        [OrderStatus.Pending] = "pending",
        [OrderStatus.Processing] = "processing",
        [OrderStatus.Shipped] = "shipped",
        [OrderStatus.Delivered] = "delivered",
        [OrderStatus.Completed] = "completed",
        [OrderStatus.Cancelled] = "cancelled",
        [OrderStatus.ReturnRequested] = "return_requested",
        [OrderStatus.Refunded] = "refunded",
        [OrderStatus.AwaitingPayment] = "awaiting_payment",
    };

    private static readonly Dictionary<string, OrderStatus> ByName = Names.ToDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);

    /// <summary>The known states, in the order the shop lists them.</summary>
    public static readonly IReadOnlyList<OrderStatus> All = [.. Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Unknown)];

    public static string ToName(this OrderStatus status) => Names.GetValueOrDefault(status, Unknown);

    public static bool IsKnown(this OrderStatus status) => Names.ContainsKey(status);

    /// <summary>The state a stored or posted name stands for; <see cref="OrderStatus.Unknown"/> for anything else (exact, lowercase).</summary>
    public static OrderStatus Parse(string? name) => name is not null && ByName.TryGetValue(name, out var status) ? status : OrderStatus.Unknown;

    /// <summary>The name to store: only a known state is ever written.</summary>
    public static string ToStored(OrderStatus status) =>
        Names.TryGetValue(status, out var name) ? name : throw new InvalidOperationException($"Order status {status} is not one the shop stores.");
}
