namespace Checkout.Web.Domain;

/// <summary>An order's states, stored as these lowercase names (seed 002's state machine).</summary>
public static class OrderStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string ReturnRequested = "return_requested";
    public const string Refunded = "refunded";

    public static readonly IReadOnlyList<string> All =
        [Pending, Processing, Shipped, Delivered, Completed, Cancelled, ReturnRequested, Refunded];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}
