namespace Checkout.Web.Domain;

/// <summary>
/// An order with its rules inside (eShop's Ordering aggregate). It is placed with <see cref="Place"/>; every later
/// step — a move, a cancel, a return asked for and decided — is a method that says yes or no with a reason
/// (<see cref="TransitionResult"/>, never an exception for an expected refusal, never a silent no-op) and, on yes,
/// records what the step means: the timeline entry, the refund or the cash in the ledger, the units back in stock.
/// Pages, the admin's forms and <c>verify</c> ask the same methods. Saving a step is the caller's: a guarded
/// <c>UPDATE … WHERE Status = @from</c> (see <c>OrderLifecycle</c>). Steps read <see cref="Lines"/>,
/// <see cref="Ledger"/> and <see cref="Return"/>, so an order to be moved is loaded with them.
/// </summary>
public sealed class Order
{
    /// <summary>Which state may follow which (seed 002, plus the return flow). Anything not listed is refused.</summary>
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Next = new()
    {
        [OrderStatus.AwaitingPayment] = [OrderStatus.Pending, OrderStatus.Cancelled],
        [OrderStatus.Pending] = [OrderStatus.Processing, OrderStatus.Cancelled],
        [OrderStatus.Processing] = [OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Completed],
        [OrderStatus.Delivered] = [OrderStatus.Completed, OrderStatus.ReturnRequested],
        [OrderStatus.Completed] = [OrderStatus.ReturnRequested],
        [OrderStatus.ReturnRequested] = [OrderStatus.Refunded, OrderStatus.Delivered],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    private readonly List<OrderLine> _lines = [];
    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<OrderEvent> _events = [];
    private readonly List<StockMovement> _stockMovements = [];
    private readonly List<OrderVat> _vat = [];

    private Order()
    {
    }

    /// <summary>The states an admin may set with the status form (returns are decided in the returns queue).</summary>
    public static IReadOnlyList<OrderStatus> AdminSettable { get; } =
        [OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled];

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public OrderStatus Status { get; private set; }

    public string PaymentMethod { get; private set; } = "";

    public int? CardId { get; private set; }

    /// <summary>The goods at the prices paid, before the coupon and the points.</summary>
    public long SubtotalTiyn { get; private set; }

    /// <summary>The coupon's discount, whole tenge.</summary>
    public long DiscountTiyn { get; private set; }

    /// <summary>What the points paid (1 point = 1 ₸).</summary>
    public long PointsTiyn { get; private set; }

    public long DeliveryTiyn { get; private set; }

    /// <summary>Subtotal − discount − points + delivery: what the card was charged, or is due in cash.</summary>
    public long TotalTiyn { get; private set; }

    /// <summary>The VAT included in the total, all rates together (the snapshot per rate is <see cref="Vat"/>).</summary>
    public long VatTiyn { get; private set; }

    public string RecipientName { get; private set; } = "";

    public string RecipientPhone { get; private set; } = "";

    public string DeliveryAddress { get; private set; } = "";

    public DateTime CreatedUtc { get; private set; }

    /// <summary>An online order's deadline: unpaid at the gateway by then, it is cancelled and what it held goes back.</summary>
    public DateTime? PaymentDueUtc { get; private set; }

    /// <summary>The coupon the order was placed with, and its code then (the receipt's, whatever the coupon is called later).</summary>
    public int? CouponId { get; private set; }

    public string? CouponCode { get; private set; }

    /// <summary>The coupon's use this order holds, while it holds one (a cancel gives it back).</summary>
    public CouponRedemption? Redemption { get; private set; }

    public IReadOnlyCollection<OrderLine> Lines => _lines;

    /// <summary>The order's money: its charge, cash, and their refunds.</summary>
    public IReadOnlyCollection<LedgerEntry> Ledger => _ledger;

    /// <summary>The timeline: every state it entered, who moved it there and when.</summary>
    public IReadOnlyCollection<OrderEvent> Events => _events;

    public IReadOnlyCollection<StockMovement> StockMovements => _stockMovements;

    /// <summary>The VAT included in the total per rate, as worked out when the order was placed.</summary>
    public IReadOnlyCollection<OrderVat> Vat => _vat;

    /// <summary>The shopper's return request, at most one per order.</summary>
    public ReturnRequest? Return { get; private set; }

    public bool IsCashOnDelivery => PaymentMethod == PaymentMethods.CashOnDelivery;

    public bool IsFree => PaymentMethod == PaymentMethods.Free;

    public bool IsOnline => PaymentMethod == PaymentMethods.Online;

    public Money Subtotal => new(SubtotalTiyn);

    public Money Discount => new(DiscountTiyn);

    public Money Points => new(PointsTiyn);

    /// <summary>Whole points spent on the order.</summary>
    public long PointsUsed => PointsTiyn / Money.TiynPerTenge;

    public Money Delivery => new(DeliveryTiyn);

    public Money Total => new(TotalTiyn);

    public Money VatTotal => new(VatTiyn);

    /// <summary>What the shopper actually paid for the goods: after the coupon and the points (what points are earned on).</summary>
    public Money GoodsPaid => new(SubtotalTiyn - DiscountTiyn - PointsTiyn);

    /// <summary>What the ledger holds for this order now (see <see cref="KeptTiyn(OrderStatus, string, long)"/>).</summary>
    public long Kept => KeptTiyn(Status, PaymentMethod, TotalTiyn);

    /// <summary>
    /// A new order, pending: its lines at the prices paid with the totals <paramref name="priced"/> worked out for them
    /// (<see cref="Pricing.Price"/>, its lines in the same order), the sale's stock movements, the timeline's first entry,
    /// and for a card order the charge; with a coupon, its use (<paramref name="coupon"/>'s slot). The checkout has already
    /// debited the card and taken the stock with guarded statements, and counts the coupon's use with one. An order whose
    /// total is 0 is <see cref="PaymentMethods.Free"/>, and only such an order is. An online order awaits its payment until
    /// <paramref name="paymentDueUtc"/>, with no charge yet (<see cref="ConfirmPayment"/> writes it).
    /// </summary>
    public static Order Place(string number, Actor shopper, string paymentMethod, int? cardId, OrderRecipient recipient,
        IReadOnlyList<OrderLine> lines, PricedOrder priced, CouponUse? coupon, DateTime atUtc, DateTime? paymentDueUtc = null)
    {
        if (shopper.Role != Actors.Shopper || shopper.UserId is null)
        {
            throw new ArgumentException("Only a signed-in shopper places an order.", nameof(shopper));
        }

        if (lines.Count == 0)
        {
            throw new ArgumentException("An order has at least one line.", nameof(lines));
        }

        var byCard = paymentMethod == PaymentMethods.Card;
        if (byCard != (cardId is not null) || (!byCard && paymentMethod is not (PaymentMethods.CashOnDelivery or PaymentMethods.Free or PaymentMethods.Online)))
        {
            throw new ArgumentException($"Payment method {paymentMethod} with card {cardId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.", nameof(cardId));
        }

        if (priced.IsFree != (paymentMethod == PaymentMethods.Free))
        {
            throw new ArgumentException($"Payment method {paymentMethod} for a total of {priced.Total}.", nameof(paymentMethod));
        }

        if ((paymentMethod == PaymentMethods.Online) != (paymentDueUtc is not null))
        {
            throw new ArgumentException("An online order, and only one, has a payment deadline.", nameof(paymentDueUtc));
        }

        if (priced.CouponApplied != (coupon is not null))
        {
            throw new ArgumentException("A coupon's use and the price it gave come together.", nameof(coupon));
        }

        if (priced.Lines.Count != lines.Count || lines.Where((l, i) => l.UnitPrice * l.Quantity != priced.Lines[i].LineTotal).Any() || priced.Refused)
        {
            throw new ArgumentException("The priced order is not these lines' price.", nameof(priced));
        }

        foreach (var (line, price) in lines.Zip(priced.Lines))
        {
            line.LineTotalTiyn = price.LineTotal.Tiyn;
            line.VatRate = price.VatRate;
            line.DiscountTiyn = price.Discount.Tiyn;
            line.PointsTiyn = price.Points.Tiyn;
        }

        var order = new Order
        {
            Number = number,
            UserId = shopper.UserId,
            Status = paymentDueUtc is null ? OrderStatus.Pending : OrderStatus.AwaitingPayment,
            PaymentMethod = paymentMethod,
            PaymentDueUtc = paymentDueUtc,
            CardId = cardId,
            SubtotalTiyn = priced.Goods.Tiyn,
            DiscountTiyn = priced.Discount.Tiyn,
            PointsTiyn = priced.Points.Tiyn,
            DeliveryTiyn = priced.Delivery.Tiyn,
            TotalTiyn = priced.Total.Tiyn,
            VatTiyn = priced.VatTotal.Tiyn,
            RecipientName = recipient.Name,
            RecipientPhone = recipient.Phone,
            DeliveryAddress = recipient.DeliveryAddress,
            CreatedUtc = atUtc,
            CouponId = coupon?.CouponId,
            CouponCode = coupon?.Code,
            Redemption = coupon is null ? null : new CouponRedemption
            {
                CouponId = coupon.CouponId, UserId = shopper.UserId, Slot = coupon.Slot, CreatedUtc = atUtc,
            },
        };
        order._lines.AddRange(lines);
        order._vat.AddRange(priced.Vat.Select(v => new OrderVat { Rate = v.Rate, GrossTiyn = v.Gross.Tiyn, VatTiyn = v.Vat.Tiyn }));
        order._stockMovements.AddRange(lines.Select(l => new StockMovement
        {
            ProductId = l.ProductId, Delta = -l.Quantity, Reason = StockReasons.Sale, CreatedUtc = atUtc,
        }));
        if (byCard)
        {
            order._ledger.Add(new LedgerEntry { CardId = cardId, Kind = LedgerEntryKinds.Charge, AmountTiyn = order.TotalTiyn, CreatedUtc = atUtc });
        }

        order._events.Add(new OrderEvent
        {
            ToStatus = order.Status.ToName(), ActorRole = shopper.Role, ActorId = shopper.UserId, ActorEmail = shopper.Email, CreatedUtc = atUtc,
        });
        return order;
    }

    /// <summary>
    /// The gateway says the online order is paid by <paramref name="transactionId"/>: awaiting payment → pending, with the
    /// charge in the ledger under the gateway's transaction. Only from awaiting payment: a paid or cancelled order refuses.
    /// </summary>
    public TransitionResult ConfirmPayment(string transactionId, DateTime atUtc)
    {
        if (Status != OrderStatus.AwaitingPayment)
        {
            return TransitionResult.Refused(TransitionOutcome.Illegal, Status, OrderStatus.Pending);
        }

        var charge = new LedgerEntry
        {
            CardId = null, Kind = LedgerEntryKinds.Charge, AmountTiyn = TotalTiyn, GatewayTransactionId = transactionId, CreatedUtc = atUtc,
        };
        var result = Step(OrderStatus.Pending, new Actor(Actors.System, null, null), note: null, atUtc);
        _ledger.Add(charge);
        return result with { LedgerEntries = [charge] };
    }

    /// <summary>The online charge still to be given back by the gateway: an undone online order's charge with no refund yet.</summary>
    public LedgerEntry? OnlineChargeToRefund =>
        IsOnline && IsUndone(Status) && !_ledger.Any(e => e.Kind == LedgerEntryKinds.Refund)
            ? _ledger.FirstOrDefault(e => e.Kind == LedgerEntryKinds.Charge && e.GatewayTransactionId is not null)
            : null;

    /// <summary>Whether the state machine has a step from <paramref name="from"/> to <paramref name="to"/>, whoever asks.</summary>
    public static bool IsLegal(OrderStatus from, OrderStatus to) => Next.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Cancelled or refunded: its money went back and its units returned.</summary>
    public static bool IsUndone(OrderStatus status) => status is OrderStatus.Cancelled or OrderStatus.Refunded;

    /// <summary>
    /// What the money ledger holds for an order in this state: a card order its total unless undone, a cash order its
    /// total once handed over (delivered, completed, return requested), an online order its total once paid (past
    /// awaiting payment), nothing otherwise.
    /// </summary>
    public static long KeptTiyn(OrderStatus status, string paymentMethod, long totalTiyn) =>
        IsUndone(status) ? 0
        : paymentMethod == PaymentMethods.Card || (paymentMethod == PaymentMethods.Online && status != OrderStatus.AwaitingPayment) || status is OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.ReturnRequested ? totalTiyn
        : 0;

    /// <summary>Leaving processing or shipped for delivered or completed: the goods (and, for cash on delivery, the cash) change hands.</summary>
    public static bool HandsOverGoods(OrderStatus from, OrderStatus to) =>
        from is OrderStatus.Processing or OrderStatus.Shipped && to is OrderStatus.Delivered or OrderStatus.Completed;

    /// <summary>Whether <paramref name="role"/> may take this order to <paramref name="to"/> with <see cref="MoveTo"/>, and if not, why.</summary>
    public TransitionOutcome Check(OrderStatus to, string role) =>
        !IsLegal(Status, to) ? TransitionOutcome.Illegal
        : MayMove(role, Status, to) ? TransitionOutcome.Done
        : TransitionOutcome.NotPermitted;

    /// <summary>The states <paramref name="role"/> may move this order to from here: the admin's status buttons, the shopper's cancel.</summary>
    public IReadOnlyList<OrderStatus> NextFor(string role) =>
        Next.TryGetValue(Status, out var next) ? [.. next.Where(to => MayMove(role, Status, to))] : [];

    /// <summary>Whether the shopper may ask to return it now: delivered or completed, and not asked before.</summary>
    public bool MayRequestReturn => Return is null && IsLegal(Status, OrderStatus.ReturnRequested);

    /// <summary>Moves the order to <paramref name="to"/> for <paramref name="actor"/>: an admin with the status form, a shopper only to cancel.</summary>
    public TransitionResult MoveTo(OrderStatus to, Actor actor, DateTime atUtc)
    {
        var outcome = Check(to, actor.Role);
        return outcome == TransitionOutcome.Done ? Step(to, actor, note: null, atUtc) : TransitionResult.Refused(outcome, Status, to);
    }

    /// <summary>The shopper cancels; allowed until the order leaves the warehouse. The money goes back and the units return.</summary>
    public TransitionResult Cancel(Actor actor, DateTime atUtc) => MoveTo(OrderStatus.Cancelled, actor, atUtc);

    /// <summary>The shopper asks to return a delivered or completed order, once per order, with a reason.</summary>
    public TransitionResult RequestReturn(string? reason, Actor shopper, DateTime atUtc)
    {
        if (Return is not null)
        {
            return TransitionResult.Refused(TransitionOutcome.ReturnAlreadyRequested, Status);
        }

        if (!IsLegal(Status, OrderStatus.ReturnRequested))
        {
            return TransitionResult.Refused(TransitionOutcome.Illegal, Status, OrderStatus.ReturnRequested);
        }

        if (shopper.Role != Actors.Shopper)
        {
            return TransitionResult.Refused(TransitionOutcome.NotPermitted, Status, OrderStatus.ReturnRequested);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReturnStatus.MaxReasonLength)
        {
            return TransitionResult.Refused(TransitionOutcome.ReturnReasonRequired, Status);
        }

        Return = new ReturnRequest { Reason = reason, RequestedUtc = atUtc };
        return Step(OrderStatus.ReturnRequested, shopper, reason, atUtc);
    }

    /// <summary>An admin approves a return (refund and restock: refunded) or rejects it (back to delivered).</summary>
    public TransitionResult DecideReturn(bool approve, Actor admin, DateTime atUtc)
    {
        if (Status != OrderStatus.ReturnRequested)
        {
            return TransitionResult.Refused(TransitionOutcome.NoPendingReturn, Status);
        }

        var to = approve ? OrderStatus.Refunded : OrderStatus.Delivered;
        if (!admin.IsAdmin)
        {
            return TransitionResult.Refused(TransitionOutcome.NotPermitted, Status, to);
        }

        if (Return is not { Status: ReturnStatus.Requested } request)
        {
            throw new InvalidOperationException($"Order {Number} awaits a return decision but has no open return request.");
        }

        request.Status = approve ? ReturnStatus.Approved : ReturnStatus.Rejected;
        request.DecidedUtc = atUtc;
        request.DecidedBy = admin.Email;
        return Step(to, admin, note: null, atUtc);
    }

    /// <summary>Admins set the status form's states, except while a return waits (decided in the returns queue); a shopper only cancels.</summary>
    private static bool MayMove(string role, OrderStatus from, OrderStatus to) => role switch
    {
        Actors.Admin => from != OrderStatus.ReturnRequested && AdminSettable.Contains(to),
        Actors.Shopper => to == OrderStatus.Cancelled,
        Actors.System => from == OrderStatus.AwaitingPayment && to == OrderStatus.Cancelled, // the payment window ended
        _ => false,
    };

    /// <summary>One legal step: what it means for money and stock, the new state, and the timeline entry.</summary>
    private TransitionResult Step(OrderStatus to, Actor actor, string? note, DateTime atUtc)
    {
        var from = Status;
        List<LedgerEntry> entries = [];
        List<StockMovement> movements = [];
        if (IsUndone(to))
        {
            entries.AddRange(MoneyBack(atUtc));
            movements.AddRange(UnitsBack(to == OrderStatus.Cancelled ? StockReasons.Cancel : StockReasons.Return, atUtc));
        }
        else if (IsCashOnDelivery && HandsOverGoods(from, to))
        {
            entries.Add(new LedgerEntry { CardId = null, Kind = LedgerEntryKinds.Cash, AmountTiyn = TotalTiyn, CreatedUtc = atUtc });
        }

        _ledger.AddRange(entries);
        _stockMovements.AddRange(movements);
        Status = to;
        var releasesCoupon = to == OrderStatus.Cancelled && CouponId is not null; // before it leaves the warehouse: the use goes back
        _events.Add(new OrderEvent
        {
            FromStatus = from.ToName(),
            ToStatus = to.ToName(),
            ActorRole = actor.Role,
            ActorId = actor.UserId,
            ActorEmail = actor.Email,
            Note = note,
            CreatedUtc = atUtc,
        });
        return new TransitionResult(TransitionOutcome.Done, to) { LedgerEntries = entries, StockMovements = movements, ReleasesCouponId = releasesCoupon ? CouponId : null };
    }

    /// <summary>
    /// Gives back what the order took: the card charge to its card, collected cash as cash. Nothing taken, nothing given.
    /// An online charge is the gateway's to give back: its refund is written when the gateway confirms it.
    /// </summary>
    private List<LedgerEntry> MoneyBack(DateTime atUtc) =>
        [.. _ledger
            .Where(e => e.Kind is LedgerEntryKinds.Charge or LedgerEntryKinds.Cash && e.GatewayTransactionId is null)
            .OrderBy(e => e.Id)
            .Select(taken => new LedgerEntry
            {
                CardId = taken.CardId,
                Kind = taken.Kind == LedgerEntryKinds.Charge ? LedgerEntryKinds.Refund : LedgerEntryKinds.CashRefund,
                AmountTiyn = -taken.AmountTiyn,
                CreatedUtc = atUtc,
            })];

    /// <summary>The order's units back on the shelf, one movement per product, in product order (as checkout takes them).</summary>
    private List<StockMovement> UnitsBack(string reason, DateTime atUtc) =>
        [.. _lines
            .GroupBy(l => l.ProductId)
            .OrderBy(g => g.Key)
            .Select(g => new StockMovement { ProductId = g.Key, Delta = g.Sum(l => l.Quantity), Reason = reason, CreatedUtc = atUtc })];
}
