using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Referrals;

/// <summary>A shopper as the referral pages list them.</summary>
public sealed record ReferralPerson(string UserId, string Name, string Email, int Letter);

/// <summary>«Менің командам»: a shopper's code and link, letter, direct referrals, team per letter and referral points.</summary>
public sealed record ReferralTeam(ReferralMember Member, string Link, IReadOnlyList<ReferralPerson> Direct,
    IReadOnlyList<int> TeamPerLetter, long Pending, long Available);

/// <summary>The admin's view: the accounts, the settings, the latest distributions, and a looked-up shopper's up- and downline.</summary>
public sealed record ReferralOverview(IReadOnlyList<ReferralAccount> Accounts, ReferralOptions Settings,
    IReadOnlyList<ReferralDistribution> Recent, string? Lookup, ReferralPerson? Found, IReadOnlyList<ReferralPerson> Upline, ReferralTeam? Team);

/// <summary>One order's distribution log: who got which slot, the pool, the shop.</summary>
public sealed record ReferralLog(ReferralDistribution Distribution, IReadOnlyList<(ReferralShare Share, ReferralPerson? Person)> Shares);

/// <summary>The reads behind the referral pages.</summary>
public static class ReferralPages
{
    public const int RecentDistributions = 50;

    public static async Task<ReferralTeam> TeamAsync(ShopDbContext db, ReferralMember member, string link, int maxDepth, CancellationToken ct)
    {
        var direct = await PeopleAsync(db, db.ReferralMembers.Where(m => m.ReferrerId == member.UserId), ct);
        var perLetter = new int[ReferralLetters.Count];
        foreach (var letter in await ReferralTree.DownlineLettersAsync(db, member.UserId, maxDepth, ct))
        {
            perLetter[letter]++;
        }

        var points = await db.PointsEntries
            .Where(e => e.UserId == member.UserId
                && (e.Kind == PointsEntryKinds.ReferralEarned || e.Kind == PointsEntryKinds.ReferralReleased || e.Kind == PointsEntryKinds.ReferralTakenBack))
            .GroupBy(e => 1).Select(g => new { Pending = g.Sum(e => e.Pending), Available = g.Sum(e => e.Available) }).FirstOrDefaultAsync(ct);
        return new ReferralTeam(member, link, direct, perLetter, points?.Pending ?? 0, points?.Available ?? 0);
    }

    public static async Task<List<ReferralPerson>> PeopleAsync(ShopDbContext db, IQueryable<ReferralMember> members, CancellationToken ct) =>
        await members.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.FullName, u.Email, m.Letter, m.JoinedUtc })
            .OrderBy(x => x.JoinedUtc).ThenBy(x => x.UserId)
            .Select(x => new ReferralPerson(x.UserId, x.FullName, x.Email ?? "", x.Letter))
            .ToListAsync(ct);
}
