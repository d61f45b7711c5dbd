using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Api.Orders;
using Checkout.Web.Features.Loyalty;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Api.Auth;

/// <summary>The signed-in shopper's profile, cards and bonus points, as <c>/account/profile</c> shows and changes them.</summary>
[Tags("Profile")]
[Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
public sealed class ApiMeController(ShopDbContext db, UserManager<ShopUser> users, PointsWallet points) : ApiController
{
    /// <summary>The shopper's profile, and each card with its balance.</summary>
    [HttpGet("/api/v1/me")]
    [EndpointName("GetMe")]
    [ProducesResponseType<MeAnswer>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(CancellationToken ct) =>
        await users.GetUserAsync(User) is { } shopper ? Ok(await AnswerAsync(shopper, ct)) : Refuse(StatusCodes.Status401Unauthorized, ApiCodes.Unauthorized);

    /// <summary>The shopper's bonus points (available, pending, owed) and the latest entries of their points ledger.</summary>
    [HttpGet("/api/v1/me/points")]
    [EndpointName("GetMyPoints")]
    [ProducesResponseType<PointsAnswer>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Points(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } shopper)
        {
            return Refuse(StatusCodes.Status401Unauthorized, ApiCodes.Unauthorized);
        }

        var statement = await points.StatementAsync(db, shopper.Id, PointsStatement.LatestEntries, ct);
        return Ok(new PointsAnswer(statement.Available, statement.Pending, statement.Owed,
            [.. statement.History.Select(e => new PointsEntryAnswer(OrderViews.Utc(e.CreatedUtc), e.OrderNumber, e.Kind, e.Points, e.Available, e.Pending, e.Owed))]));
    }

    /// <summary>Changes the name, phone and delivery address, with the profile page's rules.</summary>
    [HttpPut("/api/v1/me")]
    [EndpointName("UpdateMe")]
    [ProducesResponseType<MeAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    public async Task<IActionResult> Update(MeRequest request, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } shopper)
        {
            return Refuse(StatusCodes.Status401Unauthorized, ApiCodes.Unauthorized);
        }

        shopper.FullName = request.FullName!.Trim();
        shopper.PhoneNumber = request.Phone?.Trim();
        shopper.DeliveryAddress = request.DeliveryAddress?.Trim() ?? "";
        await users.UpdateAsync(shopper);
        return Ok(await AnswerAsync(shopper, ct));
    }

    private async Task<MeAnswer> AnswerAsync(ShopUser shopper, CancellationToken ct)
    {
        var cards = await db.Cards
            .Where(c => c.UserId == shopper.Id)
            .OrderBy(c => c.Id)
            .Select(c => new CardAnswer(c.Id, c.Name, c.BalanceTiyn, Currency))
            .ToListAsync(ct);
        return new MeAnswer(shopper.Email ?? "", shopper.FullName, shopper.PhoneNumber, shopper.DeliveryAddress, Currency, cards);
    }
}
