using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Checkout.Web.Features.Api.Orders;

/// <summary>An order from a cart: which cart, how it is paid, and the total the app showed the shopper.</summary>
public sealed record PlaceOrderRequest
{
    /// <summary>The cart to order, as the cart endpoints handed it out; a guest cart's token merges into the shopper's cart first.</summary>
    [Required]
    public string? CartToken { get; init; }

    /// <summary>How the order is paid.</summary>
    [Required]
    public PaymentChoice? Payment { get; init; }

    /// <summary>
    /// The total the app showed, in tiyn: when the cart's total is another now, the order is refused with
    /// <c>cart_changed</c> and the new totals. Without it there is no such guard.
    /// </summary>
    [Range(typeof(long), "0", "9223372036854775807")]
    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public long? ExpectedTotal { get; init; }

    /// <summary>
    /// Whole bonus points to pay part of the goods with (at most the estimate's <c>max_points</c>); 0 when absent. The
    /// <c>expected_total</c> is the total before them.
    /// </summary>
    [Range(typeof(long), "0", "1000000000000", ErrorMessage = "FieldOutOfRange")]
    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public long? Points { get; init; }
}

/// <summary><c>{"method":"card","card_id":1}</c>, <c>{"method":"cash_on_delivery"}</c> or <c>{"method":"online"}</c>.</summary>
public sealed record PaymentChoice
{
    /// <summary><c>card</c> (debited now), <c>cash_on_delivery</c> (paid to the courier) or <c>online</c> (any bank card, on the gateway's hosted page).</summary>
    public string? Method { get; init; }

    /// <summary>One of the shopper's cards (see <c>GET /api/v1/me</c>); required for <c>card</c>.</summary>
    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public int? CardId { get; init; }
}

/// <summary>A return request: why the goods go back.</summary>
public sealed record ReturnOrderRequest
{
    /// <summary>Why, up to 1000 characters.</summary>
    public string? Reason { get; init; }
}

/// <summary>A placed order (201): where it stands and, paid by card, what is left on the card.</summary>
/// <param name="Number">The order number, e.g. <c>ORD-20261201-7K3Q9Z</c>.</param>
/// <param name="Status"><c>pending</c>, or <c>awaiting_payment</c> for an online order until the gateway confirms its payment.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Total">What was paid (card) or is due to the courier (cash), in tiyn; 0 for a free order.</param>
/// <param name="PaymentMethod"><c>card</c>, <c>cash_on_delivery</c>, <c>online</c>, or <c>free</c> when the order cost nothing (no card was touched, whatever was asked).</param>
/// <param name="CardId">The card debited; null for cash on delivery and free orders.</param>
/// <param name="Balance">The card's balance after the debit, in tiyn; null for cash on delivery and free orders.</param>
/// <param name="Discount">The coupon's discount, in tiyn.</param>
/// <param name="PointsUsed">The points spent on it, whole points.</param>
/// <param name="PaymentUrl">
/// An online order only: the gateway's hosted page to open in a browser. The order is paid once the gateway confirms it
/// (see <c>GET /api/v1/orders/{number}</c>); unpaid after the payment window it is cancelled.
/// </param>
public sealed record PlacedOrder(string Number, string Status, string Currency, long Total, string PaymentMethod, int? CardId, long? Balance,
    long Discount, long PointsUsed, string? PaymentUrl = null);

/// <summary>One page of the shopper's orders, newest first.</summary>
/// <param name="Items">The orders on this page.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Orders per page.</param>
/// <param name="TotalItems">All of the shopper's orders.</param>
/// <param name="TotalPages">Pages there are at this size.</param>
public sealed record OrderList(IReadOnlyList<OrderListItem> Items, int Page, int PageSize, int TotalItems, int TotalPages);

/// <summary>An order in the list.</summary>
/// <param name="Number">The order number.</param>
/// <param name="CreatedAt">When it was placed (UTC).</param>
/// <param name="Status">Its state: pending, processing, shipped, delivered, completed, cancelled, return_requested, refunded.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Total">In tiyn.</param>
/// <param name="ItemCount">Units bought, all lines together.</param>
public sealed record OrderListItem(string Number, DateTime CreatedAt, string Status, string Currency, long Total, int ItemCount);

/// <summary>An order with its lines, timeline and money, and what the shopper may do with it now.</summary>
/// <param name="Number">The order number.</param>
/// <param name="CreatedAt">When it was placed (UTC).</param>
/// <param name="Status">Its state (see the list).</param>
/// <param name="PaymentMethod"><c>card</c>, <c>cash_on_delivery</c> or <c>free</c>.</param>
/// <param name="Card">The card it was paid with; null for cash on delivery and free orders.</param>
/// <param name="Recipient">Who receives it and where.</param>
/// <param name="Lines">What was bought, at the prices paid.</param>
/// <param name="Subtotal">The lines together, in tiyn.</param>
/// <param name="Delivery">The delivery fee, in tiyn.</param>
/// <param name="Total">Subtotal − discount − points + delivery, in tiyn.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Timeline">Every state it entered, oldest first.</param>
/// <param name="Ledger">Its money: the charge or the cash, and their refunds, oldest first.</param>
/// <param name="Return">The return request; null when none was made.</param>
/// <param name="CanCancel">Whether <c>POST …/cancel</c> would be taken now.</param>
/// <param name="CanRequestReturn">Whether <c>POST …/return</c> would be taken now.</param>
/// <param name="Discount">The coupon's discount, in tiyn.</param>
/// <param name="CouponCode">The coupon it was placed with; null when none.</param>
/// <param name="PointsUsed">The points spent on it, whole points.</param>
/// <param name="Tax">The VAT its total includes, in tiyn (as placed).</param>
/// <param name="TaxLines">That VAT per rate, highest first.</param>
public sealed record OrderView(
    string Number,
    DateTime CreatedAt,
    string Status,
    string PaymentMethod,
    OrderCard? Card,
    OrderRecipientView Recipient,
    IReadOnlyList<OrderLineView> Lines,
    long Subtotal,
    long Delivery,
    long Total,
    string Currency,
    IReadOnlyList<OrderStep> Timeline,
    IReadOnlyList<OrderMoney> Ledger,
    OrderReturn? Return,
    bool CanCancel,
    bool CanRequestReturn,
    long Discount,
    string? CouponCode,
    long PointsUsed,
    long Tax,
    IReadOnlyList<Carts.TaxLine> TaxLines);

/// <summary>The card an order was paid with.</summary>
/// <param name="Id">The card's id.</param>
/// <param name="Name">The card's name, e.g. <c>Kaspi Gold</c>.</param>
public sealed record OrderCard(int Id, string Name);

/// <summary>Who receives the order, copied from the profile when it was placed.</summary>
/// <param name="Name">The recipient's name.</param>
/// <param name="Phone">The recipient's phone.</param>
/// <param name="Address">The delivery address.</param>
public sealed record OrderRecipientView(string Name, string Phone, string Address);

/// <summary>A bought product at the price paid.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Name">Its name when bought.</param>
/// <param name="Color">Its colour.</param>
/// <param name="Storage">Its storage size.</param>
/// <param name="Store">The store it was bought from.</param>
/// <param name="UnitPrice">In tiyn.</param>
/// <param name="Quantity">Units.</param>
/// <param name="LineTotal">Unit price × quantity, in tiyn.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
public sealed record OrderLineView(
    int ProductId, string Name, string Color, string Storage, string Store, long UnitPrice, int Quantity, long LineTotal, string Currency);

/// <summary>A step of the timeline.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="From">The state before; null for the order's placing.</param>
/// <param name="To">The state entered.</param>
/// <param name="Actor">Who moved it: <c>shopper</c>, <c>admin</c> or <c>system</c>.</param>
public sealed record OrderStep(DateTime At, string? From, string To, string Actor);

/// <summary>A ledger entry of the order.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Kind"><c>charge</c>, <c>refund</c>, <c>cash</c> or <c>cash_refund</c>.</param>
/// <param name="Amount">In tiyn: positive for money the shop received, negative for money it gave back.</param>
/// <param name="CardId">The card the money came from or went back to; null for cash.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
public sealed record OrderMoney(DateTime At, string Kind, long Amount, int? CardId, string Currency);

/// <summary>The shopper's return request.</summary>
/// <param name="Reason">Why, as the shopper wrote it.</param>
/// <param name="Status"><c>requested</c>, <c>approved</c> or <c>rejected</c>.</param>
/// <param name="DecidedAt">When an admin decided it (UTC); null while it waits.</param>
public sealed record OrderReturn(string Reason, string Status, DateTime? DecidedAt);
