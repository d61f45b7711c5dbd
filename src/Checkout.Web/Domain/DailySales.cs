namespace Checkout.Web.Domain;

/// <summary>Orders and revenue per day (the shop's local date, Asia/Almaty), counted from <c>order.created</c> events.</summary>
public sealed class DailySales
{
    /// <summary>The local date as <c>yyyy-MM-dd</c>.</summary>
    public required string Day { get; set; }

    public int Orders { get; set; }

    public int Units { get; set; }

    public long RevenueTiyn { get; set; }
}
