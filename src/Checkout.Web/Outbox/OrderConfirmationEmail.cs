using System.Text;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Outbox;

/// <summary>
/// Mails the shopper a confirmation of a new order, in Kazakh, as a standard .eml file named after the order in
/// the pickup folder (<c>Email:PickupDirectory</c>). The file's name makes a repeated delivery a no-op. A shopper's
/// address that the mail layer can't send to (stored before the shop checked addresses) is not a failure to retry:
/// the order gets a <c>&lt;order number&gt;.undeliverable</c> file saying so instead, and the books stay whole.
/// </summary>
public sealed class OrderConfirmationEmail(IOptions<EmailOptions> options, IStringLocalizer<SharedResource> text) : IOutboxHandler
{
    public string EventType => OutboxEvents.OrderCreated;

    public const string HandlerName = "email";

    public string Name => HandlerName;

    public bool WritesDatabase => false; // reads the order, writes a file

    public async Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
    {
        var number = OutboxEvents.Read<OrderCreatedEvent>(message).OrderNumber;
        var pickup = options.Value.PickupDirectory;
        var file = Path.Combine(pickup, $"{number}.eml");
        var undeliverable = Path.Combine(pickup, $"{number}{UndeliverableExtension}");
        if (File.Exists(file) || File.Exists(undeliverable))
        {
            return;
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Vat).AsSplitQuery().SingleAsync(o => o.Number == number, ct);
        var stored = await db.Users.Where(u => u.Id == order.UserId).Select(u => u.Email).SingleAsync(ct);
        if (EmailAddresses.Normalize(stored) is not { } email)
        {
            Directory.CreateDirectory(pickup);
            await File.WriteAllTextAsync(undeliverable, $"{number}: the shopper's address can't be mailed: {Printable(stored)}\n", ct);
            return;
        }

        var cardName = await db.Cards.Where(c => c.Id == order.CardId).Select(c => c.Name).FirstOrDefaultAsync(ct);

        using var mail = PickupMail.Compose(options.Value.From, email, text["EmailOrderSubject", number], Body(order, cardName));

        // Another delivery of the same message may get there first: one e-mail is enough.
        await PickupMail.WriteAsync(mail, pickup, $"{number}.eml", ct);
    }

    public const string UndeliverableExtension = ".undeliverable";

    /// <summary>The refused address for the operator's eyes, control characters escaped, cut short.</summary>
    private static string Printable(string? address) =>
        address is null ? "(none)" : string.Concat(address.Take(Lengths.Email).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private string Body(Order order, string? cardName)
    {
        var body = new StringBuilder()
            .AppendLine(text["EmailGreeting", order.RecipientName])
            .AppendLine()
            .AppendLine(text["EmailOrderPlaced", order.Number])
            .AppendLine();
        foreach (var line in order.Lines)
        {
            body.AppendLine($"• {line.ProductName}, {line.Color}, {line.Storage} ({line.StoreName}) × {line.Quantity} — {line.LineTotal}");
        }

        var totals = ReceiptTotals.Of(order);
        body.AppendLine().AppendLine($"{text["Subtotal"]}: {totals.Goods}");
        if (totals.Discount > Money.Zero)
        {
            body.AppendLine($"{text["Discount"]}{(totals.CouponCode is null ? "" : $" ({totals.CouponCode})")}: {Money.Zero - totals.Discount}");
        }

        if (totals.PointsUsed > 0)
        {
            body.AppendLine($"{text["PaidWithPoints"]}: {Money.Zero - totals.Points}");
        }

        body.AppendLine($"{text["Delivery"]}: {totals.Delivery}").AppendLine($"{text["Total"]}: {totals.Total}");
        foreach (var vat in totals.Vat)
        {
            body.AppendLine(text["VatIncluded", vat.Rate, vat.Vat]);
        }

        return body
            .AppendLine($"{text["PaidWith"]}: {cardName ?? text[$"PaymentMethod_{order.PaymentMethod}"]}")
            .AppendLine($"{text["DeliveryAddress"]}: {order.DeliveryAddress}")
            .AppendLine()
            .AppendLine(text["EmailThanks"])
            .ToString();
    }
}
