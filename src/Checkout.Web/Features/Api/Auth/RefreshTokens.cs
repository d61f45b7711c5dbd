using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api.Auth;

/// <summary>
/// The apps' refresh tokens (<see cref="RefreshToken"/>): 32 random bytes handed out once, only their SHA-256 kept. A
/// refresh uses the token up in one guarded statement, so two refreshes with one token can't both win; a token presented
/// again after it was used up is taken as stolen and ends every refresh token of its account (the thief's and the app's
/// alike: the shopper signs in again). A refresh also needs the account's security stamp to be the one at issue.
/// </summary>
public sealed class RefreshTokens(ShopDbContext db, WriteTransactions writes, UserManager<ShopUser> users, TimeProvider clock, IOptions<ApiOptions> options)
{
    private const int TokenBytes = 32;

    public async Task<string> IssueAsync(ShopUser shopper, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await writes.BeginAsync(db, ct);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = shopper.Id,
            TokenHash = Hash(token),
            SecurityStamp = shopper.SecurityStamp,
            CreatedUtc = now,
            ExpiresUtc = now + options.Value.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return token;
    }

    /// <summary>Uses the token up and answers its shopper; null when it is unknown, expired, used, revoked or outlived a password change.</summary>
    public async Task<ShopUser?> RedeemAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        RefreshToken? row;
        await using (var transaction = await writes.BeginAsync(db, ct))
        {
            var used = await db.RefreshTokens
                .Where(t => t.TokenHash == hash && t.EndedUtc == null && t.ExpiresUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.EndedUtc, now), ct);
            row = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
            if (used != 1 && row is { EndedUtc: not null })
            {
                // Used before: someone replays a copy. End the account's every refresh token.
                await db.RefreshTokens.Where(t => t.UserId == row.UserId && t.EndedUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.EndedUtc, now), ct);
            }

            await transaction.CommitAsync(ct);
            if (used != 1)
            {
                return null;
            }
        }

        var shopper = await users.FindByIdAsync(row!.UserId);
        return shopper is not null && shopper.SecurityStamp == row.SecurityStamp ? shopper : null;
    }

    /// <summary>Ends the token (logout); an unknown or already ended one changes nothing.</summary>
    public async Task RevokeAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await writes.BeginAsync(db, ct);
        await db.RefreshTokens.Where(t => t.TokenHash == hash && t.EndedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.EndedUtc, now), ct);
        await transaction.CommitAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
