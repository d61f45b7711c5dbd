using System.Security.Cryptography;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Referrals;

/// <summary>
/// The referral tree: each shopper's member row and code, the referrer set once at registration, and the letters, which
/// rise (never fall) when enough direct referrals hold a shopper's letter. Every change is a guarded statement in the
/// caller's write transaction; a rise first locks the shopper's row, so two registrations under one referrer count each other.
/// </summary>
public sealed class ReferralTree(TimeProvider clock, IOptions<ReferralOptions> options)
{
    /// <summary>Letters and digits nobody misreads (no 0/O, 1/I/L).</summary>
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private const int CodeLength = 8;

    /// <summary>The shopper whose code this is (any case, spaces around ignored), or null.</summary>
    public static async Task<string?> FindByCodeAsync(ShopDbContext db, string? code, CancellationToken ct)
    {
        var normalized = Normalize(code);
        return normalized.Length == 0 ? null
            : await db.ReferralMembers.Where(m => m.Code == normalized).Select(m => m.UserId).FirstOrDefaultAsync(ct);
    }

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>The shopper's member row, made now (letter A, no referrer) for a shopper from before referrals.</summary>
    public async Task<ReferralMember> EnsureMemberAsync(ShopDbContext db, string userId, CancellationToken ct)
    {
        while (true)
        {
            if (await db.ReferralMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct) is { } member)
            {
                return member;
            }

            await InsertAsync(db, userId, referrerId: null, ct); // a code taken meanwhile inserts nothing: try another
        }
    }

    /// <summary>
    /// In the registration's transaction: the new shopper joins under <paramref name="referrerId"/> (or none) at letter A,
    /// and the referrer, then their upline, rise as far as that makes them.
    /// </summary>
    public async Task JoinAsync(ShopDbContext db, string userId, string? referrerId, CancellationToken ct)
    {
        if (referrerId == userId)
        {
            throw new InvalidOperationException("A shopper can't refer themselves.");
        }

        if (referrerId is not null && await LockAsync(db, referrerId, ct) is null)
        {
            throw new InvalidOperationException($"Referrer {referrerId} has no member row.");
        }

        while (!await InsertAsync(db, userId, referrerId, ct))
        {
            if (await db.ReferralMembers.AnyAsync(m => m.UserId == userId, ct))
            {
                throw new InvalidOperationException($"Shopper {userId} already has a referrer.");
            }
        }

        if (referrerId is not null)
        {
            await RiseFromAsync(db, referrerId, ct);
        }
    }

    /// <summary>
    /// Raises <paramref name="userId"/> while at least UpgradeChildren direct referrals hold their letter or above, then
    /// goes up to their referrer, as long as someone rose. Each rise is <c>UPDATE … WHERE Letter = L</c>.
    /// </summary>
    private async Task RiseFromAsync(ShopDbContext db, string userId, CancellationToken ct)
    {
        var needed = options.Value.UpgradeChildren;
        string? current = userId;
        while (current is not null && await LockAsync(db, current, ct) is { } held)
        {
            var rose = false;
            for (var letter = held.Letter;
                letter < ReferralLetters.Top && await db.ReferralMembers.CountAsync(m => m.ReferrerId == current && m.Letter >= letter, ct) >= needed;
                letter++)
            {
                var raised = await db.ReferralMembers.Where(m => m.UserId == current && m.Letter == letter)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Letter, letter + 1), ct);
                if (raised != 1)
                {
                    throw new InvalidOperationException($"Shopper {current}'s letter changed under its lock.");
                }

                rose = true;
            }

            if (!rose)
            {
                return; // this one stays, so nobody above has a new reason to rise
            }

            current = held.ReferrerId;
        }
    }

    /// <summary>The shopper's referrer first, then theirs, at most <paramref name="maxDepth"/>, with their letters.</summary>
    public static async Task<List<ReferralAncestor>> UplineAsync(ShopDbContext db, string buyerId, int maxDepth, CancellationToken ct) =>
        (await BuyerWithUplineAsync(db, buyerId, maxDepth, ct)).Upline;

    /// <summary>
    /// In one query: the buyer's own member row (null for a shopper from before referrals), then their upline as
    /// <see cref="UplineAsync"/> gives it.
    /// </summary>
    public static async Task<(ReferralBuyer? Buyer, List<ReferralAncestor> Upline)> BuyerWithUplineAsync(
        ShopDbContext db, string buyerId, int maxDepth, CancellationToken ct) =>
        (await BuyersWithUplinesAsync(db, [buyerId], maxDepth, ct)).TryGetValue(buyerId, out var found) ? found : (null, []);

    /// <summary>
    /// <see cref="BuyerWithUplineAsync"/> for several buyers in one query (the outbox's batch of paid orders); a buyer
    /// without a member row is left out.
    /// </summary>
    public static async Task<Dictionary<string, (ReferralBuyer? Buyer, List<ReferralAncestor> Upline)>> BuyersWithUplinesAsync(
        ShopDbContext db, IReadOnlyCollection<string> buyerIds, int maxDepth, CancellationToken ct)
    {
        if (buyerIds.Count == 0)
        {
            return [];
        }

        // Placeholders only, every value a parameter: the depth first, then the buyers.
        var buyers = string.Join(", ", buyerIds.Select((_, i) => $"{{{i + 1}}}"));
        var sql = $$"""
            WITH RECURSIVE up ("BuyerId", "UserId", "ReferrerId", "Letter", "FirstPaidOrderNumber", "Depth") AS (
                SELECT m."UserId", m."UserId", m."ReferrerId", m."Letter", m."FirstPaidOrderNumber", 0 FROM "ReferralMembers" m
                WHERE m."UserId" IN ({{buyers}})
                UNION ALL
                SELECT up."BuyerId", m."UserId", m."ReferrerId", m."Letter", m."FirstPaidOrderNumber", up."Depth" + 1 FROM "ReferralMembers" m
                JOIN up ON m."UserId" = up."ReferrerId"
                WHERE up."Depth" < {0}
            )
            SELECT "BuyerId", "UserId", "Letter", "FirstPaidOrderNumber", "Depth" FROM up
            """;
        var rows = await db.Database.SqlQueryRaw<AncestorRow>(sql, [maxDepth, .. buyerIds]).ToListAsync(ct);
        return rows.GroupBy(r => r.BuyerId).ToDictionary(g => g.Key, g => (
            (ReferralBuyer?)new ReferralBuyer(g.First(r => r.Depth == 0).FirstPaidOrderNumber),
            g.Where(r => r.Depth > 0).OrderBy(r => r.Depth).Select(r => new ReferralAncestor(r.UserId, r.Letter)).ToList()));
    }

    /// <summary>The letters of everyone below the shopper (referrals, theirs, and so on, at most <paramref name="maxDepth"/> down), one per person.</summary>
    public static Task<List<int>> DownlineLettersAsync(ShopDbContext db, string userId, int maxDepth, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            WITH RECURSIVE down ("UserId", "Letter", "Depth") AS (
                SELECT m."UserId", m."Letter", 1 FROM "ReferralMembers" m WHERE m."ReferrerId" = {userId}
                UNION ALL
                SELECT m."UserId", m."Letter", down."Depth" + 1 FROM "ReferralMembers" m
                JOIN down ON m."ReferrerId" = down."UserId"
                WHERE down."Depth" < {maxDepth}
            )
            SELECT "Letter" AS "Value" FROM down
            """).ToListAsync(ct);

    /// <summary>The member's letter and referrer, read under its row lock (a no-op update); null when there is no row.</summary>
    private static async Task<HeldMember?> LockAsync(ShopDbContext db, string userId, CancellationToken ct) =>
        await db.Database.SqlQuery<HeldMember>($"""
            UPDATE "ReferralMembers" SET "Letter" = "Letter" WHERE "UserId" = {userId}
            RETURNING "Letter", "ReferrerId"
            """).ToListAsync(ct) is [var held] ? held : null;

    /// <summary>Inserts the member with a fresh code; false, and nothing written, when the user or the code is taken.</summary>
    private async Task<bool> InsertAsync(ShopDbContext db, string userId, string? referrerId, CancellationToken ct)
    {
        var code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ReferralMembers" ("UserId", "Code", "ReferrerId", "Letter", "JoinedUtc") VALUES ({userId}, {code}, {referrerId}, 0, {now})
            ON CONFLICT DO NOTHING
            """, ct) == 1;
    }

    private sealed class AncestorRow
    {
        public string BuyerId { get; init; } = "";

        public string UserId { get; init; } = "";

        public int Letter { get; init; }

        public string? FirstPaidOrderNumber { get; init; }

        public int Depth { get; init; }
    }

    private sealed class HeldMember
    {
        public int Letter { get; init; }

        public string? ReferrerId { get; init; }
    }
}
