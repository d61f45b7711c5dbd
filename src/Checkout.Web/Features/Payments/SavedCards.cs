using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// The cards shoppers saved at the gateway: a Pay notification that brings a token keeps it for the order's shopper
/// (one guarded insert, so a repeated notification keeps it once); the shopper lists and deletes their own.
/// </summary>
public sealed class SavedCards(ShopDbContext db, TimeProvider clock)
{
    /// <summary>Keeps the notification's token for the shopper of the online order it paid; false when it brings none or names no such order.</summary>
    public async Task<bool> KeepAsync(GatewayNotification paid, CancellationToken ct)
    {
        if (paid is not { Token: { Length: > 0 and <= Lengths.Name } token, CardLastFour: { Length: 4 } lastFour, InvoiceId: { } invoice })
        {
            return false;
        }

        var type = paid.CardType is { Length: > 0 and <= Lengths.ShortName } known ? known : "Card";
        var expiry = paid.CardExpDate is { Length: <= Lengths.Tag } date ? date : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SavedCards" ("UserId", "Token", "CardType", "LastFour", "ExpDate", "CreatedUtc")
            SELECT o."UserId", {token}, {type}, {lastFour}, {expiry}, {now} FROM "Orders" o
            WHERE o."Number" = {invoice} AND o."PaymentMethod" = {PaymentMethods.Online}
            ON CONFLICT DO NOTHING
            """, ct);
        return kept == 1;
    }

    public Task<List<SavedCardOption>> ListAsync(string userId, CancellationToken ct) =>
        db.SavedCards.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.Id)
            .Select(c => new SavedCardOption(c.Id, c.CardType, c.LastFour, c.ExpDate))
            .ToListAsync(ct);

    /// <summary>Deletes the shopper's own saved card; false when they have none with that id.</summary>
    public async Task<bool> DeleteAsync(string userId, int id, CancellationToken ct) =>
        await db.SavedCards.Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(ct) == 1;
}

/// <summary>A saved card as the shopper sees it: <see cref="Mask"/> is <c>Visa •••• 4242</c>.</summary>
public sealed record SavedCardOption(int Id, string CardType, string LastFour, string? ExpDate)
{
    public string Mask => CardMasks.Format(CardType, LastFour)!;
}
