using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>
/// Runs a money-moving request at most once per <c>Idempotency-Key</c> and shopper. The first request claims the key
/// with a hash of itself; when it has answered, the answer is stored and every repeat of the same request gets it
/// again (header <c>Idempotent-Replayed: true</c>). The same key with another request: 422. While the first still
/// runs: 409, try again. Requests the action would refuse before doing anything (not signed in, bad antiforgery
/// token, unreadable body) pass through untouched and store nothing, and neither does a server error: those may
/// simply be retried. A holder that died (a crash) loses the key after <see cref="IdempotencyOptions.Lease"/>; if it
/// had already committed its work (<see cref="IdempotencyClaim.RecordOutcomeAsync"/>), the retry is told so instead of doing it again.
/// An API request (<c>/api</c>) has no cookie and so no antiforgery token: it is not asked for one. Where the key is
/// <paramref name="required"/> (the API's orders), a request without one is refused (400) and nothing runs.
/// </summary>
public sealed partial class IdempotencyFilter(
    bool required,
    ShopDbContext db,
    WriteTransactions writes,
    IAntiforgery antiforgery,
    TimeProvider clock,
    IOptions<IdempotencyOptions> options,
    IStringLocalizer<SharedResource> text,
    IdempotencyClaim requestClaim,
    IOptions<JsonOptions> json,
    ILogger<IdempotencyFilter> log) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        var userId = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var request = userId is null ? null : await ReadAsync(http);
        if (request is { Key: null } && required)
        {
            context.Result = Refusal.For(http, StatusCodes.Status400BadRequest, text["IdempotencyKeyRequired"], ApiCodes.IdempotencyKeyRequired);
            return;
        }

        if (request is not { Key: { } key, Body: var body })
        {
            await next();
            return;
        }

        if (!IdempotencyKey.IsWellFormed(key))
        {
            context.Result = Refusal.For(http, StatusCodes.Status400BadRequest, text["IdempotencyKeyInvalid"], ApiCodes.IdempotencyKeyInvalid);
            return;
        }

        var hash = IdempotencyKey.Hash(http.Request.Method, http.Request.Path, body);
        var claim = await ClaimAsync(userId!, key, hash, ct);
        switch (claim)
        {
            case Claim.Replay replay:
                http.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
                if (replay.Stored.Location is { } location)
                {
                    http.Response.Headers.Location = location;
                }

                context.Result = new ContentResult
                {
                    StatusCode = replay.Stored.StatusCode, ContentType = replay.Stored.ContentType, Content = replay.Stored.ResponseBody,
                };
                return;
            case Claim.OtherRequest:
                context.Result = Refusal.For(http, StatusCodes.Status422UnprocessableEntity, text["IdempotencyKeyReused"], ApiCodes.IdempotencyKeyReused);
                return;
            case Claim.Running:
                context.Result = Refusal.For(http, StatusCodes.Status409Conflict, text["IdempotencyKeyRunning"], ApiCodes.IdempotencyKeyRunning);
                return;
        }

        var (claimId, committedBefore) = (Claim.Claimed)claim;
        if (committedBefore is not null)
        {
            // The first request did its work and died before it could answer: never do it again; say what was done,
            // and keep that as the key's answer.
            var message = text["IdempotencyAlreadyDone", committedBefore].Value;
            var (contentType, stored) = ApiProblem.IsApiRequest(http)
                ? (ApiProblem.ContentType, JsonSerializer.Serialize(
                    ApiProblem.Create(http, StatusCodes.Status409Conflict, ApiCodes.IdempotencyAlreadyDone, message), json.Value.JsonSerializerOptions))
                : ("application/json; charset=utf-8", JsonSerializer.Serialize(new Refusal.ErrorBody("error", message), ShopJson.Options));
            await FinishAsync(claimId, StatusCodes.Status409Conflict, contentType, location: null, stored);
            context.Result = Refusal.For(http, StatusCodes.Status409Conflict, message, ApiCodes.IdempotencyAlreadyDone);
            return;
        }

        requestClaim.Claimed(claimId);

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        ResourceExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            http.Response.Body = original;
        }

        var failed = executed.Exception is not null && !executed.ExceptionHandled || http.Response.StatusCode >= 500;
        if (failed)
        {
            await GiveUpAsync(claimId);
        }
        else
        {
            await FinishAsync(claimId, http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location,
                Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length));
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, CancellationToken.None);
    }

    /// <summary>
    /// The key and the raw body; a null key when the request has none; null when the action would refuse the request
    /// before doing anything (bad antiforgery token, unreadable body).
    /// </summary>
    private async Task<(string? Key, byte[] Body)?> ReadAsync(HttpContext http)
    {
        try
        {
            http.Request.EnableBuffering(); // the body is read here for its hash, and again by the action
            string? key = http.Request.Headers[IdempotencyKey.Header];
            if (string.IsNullOrEmpty(key) && http.Request.HasFormContentType)
            {
                key = (await http.Request.ReadFormAsync(http.RequestAborted))[IdempotencyKey.FormField];
            }

            if (string.IsNullOrEmpty(key))
            {
                http.Request.Body.Position = 0;
                return (null, []);
            }

            if (!ApiProblem.IsApiRequest(http) && !await antiforgery.IsRequestValidAsync(http))
            {
                http.Request.Body.Position = 0;
                return null;
            }

            using var body = new MemoryStream();
            http.Request.Body.Position = 0;
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            http.Request.Body.Position = 0;
            return (key, body.ToArray());
        }
        catch (Exception unreadable) when (unreadable is BadHttpRequestException or InvalidDataException or AntiforgeryValidationException or IOException)
        {
            return null;
        }
    }

    private async Task<Claim> ClaimAsync(string userId, string key, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lockedUntil = now + options.Value.Lease;
        await using var transaction = await writes.BeginAsync(db, ct);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "IdempotentRequests" ("UserId", "Key", "RequestHash", "CreatedUtc", "LockedUntilUtc")
            VALUES ({userId}, {key}, {hash}, {now}, {lockedUntil})
            ON CONFLICT ("UserId", "Key") DO NOTHING
            """, ct);
        var stored = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        Claim claim;
        if (stored is null)
        {
            claim = new Claim.Running(); // its holder failed and gave it up a moment ago: the client may retry
        }
        else if (stored.RequestHash != hash)
        {
            claim = new Claim.OtherRequest();
        }
        else if (stored.StatusCode is not null)
        {
            claim = new Claim.Replay(stored);
        }
        else if (inserted == 1)
        {
            claim = new Claim.Claimed(stored.Id, CommittedBefore: null);
        }
        else
        {
            // Someone holds the key: still running, or it died (a crash) and its lease has run out, then it is ours.
            var takenOver = await db.IdempotentRequests
                .Where(r => r.Id == stored.Id && r.StatusCode == null && r.LockedUntilUtc < now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntilUtc, lockedUntil), ct);
            claim = takenOver == 1 ? new Claim.Claimed(stored.Id, stored.Outcome) : new Claim.Running();
        }

        await transaction.CommitAsync(ct);
        return claim;
    }

    /// <summary>Stores the answer to replay.</summary>
    private Task FinishAsync(long claimId, int status, string? contentType, string? location, string body) =>
        UpdateClaimAsync(claimId, claimed => claimed.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, status)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.ResponseBody, body), CancellationToken.None));

    /// <summary>After a server error: gives the key up, so the request may simply be retried.</summary>
    private Task GiveUpAsync(long claimId) =>
        UpdateClaimAsync(claimId, claimed => claimed.ExecuteDeleteAsync(CancellationToken.None));

    private async Task UpdateClaimAsync(long claimId, Func<IQueryable<IdempotentRequest>, Task<int>> update)
    {
        try
        {
            await using var transaction = await writes.BeginAsync(db, CancellationToken.None);
            await update(db.IdempotentRequests.Where(r => r.Id == claimId && r.StatusCode == null));
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The answer still goes out; the key stays claimed until its lease ends, then a retry takes it over.
            LogNotStored(log, failure, claimId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the answer of idempotent request {ClaimId}")]
    private static partial void LogNotStored(ILogger logger, Exception failure, long claimId);

    private abstract record Claim
    {
        /// <summary>Ours to run; <paramref name="CommittedBefore"/> is what an earlier holder that died had already done.</summary>
        public sealed record Claimed(long Id, string? CommittedBefore) : Claim;

        public sealed record Replay(IdempotentRequest Stored) : Claim;

        public sealed record OtherRequest : Claim;

        public sealed record Running : Claim;
    }
}
