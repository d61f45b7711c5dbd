namespace Checkout.Web.Domain;

public sealed class Order
{
    public int Id { get; set; }

    public required string Number { get; set; }

    public required string UserId { get; set; }

    public string Status { get; set; } = OrderStatus.Pending;

    public required string PaymentMethod { get; set; }

    public int? CardId { get; set; }

    public long SubtotalTiyn { get; set; }

    public long DeliveryTiyn { get; set; }

    public long TotalTiyn { get; set; }

    public required string RecipientName { get; set; }

    public required string RecipientPhone { get; set; }

    public required string DeliveryAddress { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public List<LedgerEntry> Ledger { get; set; } = [];

    public List<OrderEvent> Events { get; set; } = [];

    public List<StockMovement> StockMovements { get; set; } = [];

    public bool IsCashOnDelivery => PaymentMethod == PaymentMethods.CashOnDelivery;

    public Money Subtotal => new(SubtotalTiyn);

    public Money Delivery => new(DeliveryTiyn);

    public Money Total => new(TotalTiyn);

    /// <summary>Cancelled or refunded: its money went back and its units returned.</summary>
    public static bool IsUndone(string status) => status is OrderStatus.Cancelled or OrderStatus.Refunded;

    /// <summary>
    /// What the money ledger holds for an order in this state: a card order its total unless undone, a cash order its
    /// total once handed over (delivered, completed, return requested), nothing otherwise.
    /// </summary>
    public static long KeptTiyn(string status, string paymentMethod, long totalTiyn) =>
        IsUndone(status) ? 0
        : paymentMethod == PaymentMethods.Card || status is OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.ReturnRequested ? totalTiyn
        : 0;
}
