using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Referrals;

/// <summary>«Менің командам» for the shopper; the gifts pool, the shop's account, the distributions and anyone's tree for the admin.</summary>
public sealed class ReferralsController(ShopDbContext db, WriteTransactions writes, ReferralTree tree, UserManager<ShopUser> users, IOptions<ReferralOptions> options)
    : Controller
{
    [Authorize]
    [HttpGet("/account/referrals")]
    public async Task<IActionResult> Team(CancellationToken ct)
    {
        var userId = users.GetUserId(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var member = await db.ReferralMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is null)
        {
            // A shopper from before referrals gets their code on first sight of this page.
            await using var transaction = await writes.BeginAsync(db, ct);
            member = await tree.EnsureMemberAsync(db, userId, ct);
            await transaction.CommitAsync(ct);
        }

        return View("~/Views/Account/Referrals.cshtml", await ReferralPages.TeamAsync(db, member, LinkOf(member), options.Value.MaxDepth, ct));
    }

    [Authorize(Policy = Roles.AdminPolicy)]
    [HttpGet("/admin/referrals")]
    public async Task<IActionResult> Overview(string? shopper, CancellationToken ct)
    {
        var accounts = await db.ReferralAccounts.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var recent = await db.ReferralDistributions.AsNoTracking().OrderByDescending(d => d.Id).Take(ReferralPages.RecentDistributions).ToListAsync(ct);
        var lookup = shopper?.Trim();
        ReferralPerson? found = null;
        IReadOnlyList<ReferralPerson> upline = [];
        ReferralTeam? team = null;
        if (!string.IsNullOrEmpty(lookup))
        {
            var code = ReferralTree.Normalize(lookup);
            var member = await db.ReferralMembers.AsNoTracking()
                .FirstOrDefaultAsync(m => m.Code == code || db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == lookup.ToUpperInvariant()), ct);
            if (member is not null)
            {
                found = (await ReferralPages.PeopleAsync(db, db.ReferralMembers.Where(m => m.UserId == member.UserId), ct)).Single();
                var ancestors = (await ReferralTree.UplineAsync(db, member.UserId, options.Value.MaxDepth, ct)).Select(a => a.UserId).ToList();
                var people = (await ReferralPages.PeopleAsync(db, db.ReferralMembers.Where(m => ancestors.Contains(m.UserId)), ct)).ToDictionary(p => p.UserId);
                upline = [.. ancestors.Select(id => people[id])];
                team = await ReferralPages.TeamAsync(db, member, LinkOf(member), options.Value.MaxDepth, ct);
            }
        }

        return View("~/Views/Admin/Referrals.cshtml", new ReferralOverview(accounts, options.Value, recent, lookup, found, upline, team));
    }

    [Authorize(Policy = Roles.AdminPolicy)]
    [HttpGet("/admin/referrals/orders/{number}")]
    public async Task<IActionResult> Distribution(string number, CancellationToken ct)
    {
        var distribution = await db.ReferralDistributions.AsNoTracking().FirstOrDefaultAsync(d => d.OrderNumber == number, ct);
        if (distribution is null)
        {
            return NotFound();
        }

        var shares = await db.ReferralShares.AsNoTracking().Where(s => s.OrderNumber == number).OrderBy(s => s.Id).ToListAsync(ct);
        var ids = shares.Select(s => s.Beneficiary).Append(distribution.BuyerId).Distinct().ToList();
        var people = (await ReferralPages.PeopleAsync(db, db.ReferralMembers.Where(m => ids.Contains(m.UserId)), ct)).ToDictionary(p => p.UserId);
        return View("~/Views/Admin/ReferralDistribution.cshtml",
            new ReferralLog(distribution, [.. shares.Select(s => (s, people.GetValueOrDefault(s.Beneficiary)))]));
    }

    private string LinkOf(ReferralMember member) => $"{Request.Scheme}://{Request.Host}/account/register?ref={member.Code}";
}
