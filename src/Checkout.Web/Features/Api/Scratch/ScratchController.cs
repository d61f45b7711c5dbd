using System.ComponentModel.DataAnnotations;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Api.Scratch;

/// <summary>A thing with a price.</summary>
/// <param name="Id">The thing's id.</param>
/// <param name="Price">Its price in tiyn.</param>
/// <param name="Currency">Always KZT.</param>
/// <param name="CreatedUtc">When it was made.</param>
public sealed record ScratchThing(int Id, long Price, string Currency, DateTimeOffset CreatedUtc);

/// <summary>What to add.</summary>
public sealed record ScratchLine
{
    /// <summary>The product.</summary>
    [Required]
    public int? ProductId { get; init; }

    /// <summary>How many, 1 to 10.</summary>
    [Range(1, 10)]
    public int Quantity { get; init; }
}

/// <summary>Throw-away endpoints to have something documented (deleted before the last commit).</summary>
public sealed class ScratchController : ApiController
{
    /// <summary>Reads a thing.</summary>
    [HttpGet("/api/v1/things/{id:int}")]
    [EndpointName("GetThing")]
    [ProducesResponseType<ScratchThing>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public IActionResult Get(int id) =>
        id == 1 ? Ok(new ScratchThing(1, 92_674_000, Currency, DateTimeOffset.UtcNow)) : Refuse(404, ApiCodes.ProductNotFound);

    /// <summary>Adds a line to a cart.</summary>
    [HttpPost("/api/v1/carts/{token}/lines")]
    [EndpointName("AddThing")]
    [ProducesResponseType<ScratchThing>(201)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public IActionResult Add(string token, ScratchLine line) =>
        token == "good" ? StatusCode(201, new ScratchThing(line.ProductId ?? 0, 1, Currency, DateTimeOffset.UtcNow)) : Refuse(404, ApiCodes.CartNotFound);

    /// <summary>Places an order.</summary>
    [HttpPost("/api/v1/orders")]
    [Authorize]
    [Idempotent]
    [EndpointName("PlaceThing")]
    [ProducesResponseType<ScratchThing>(201)]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public IActionResult Place(ScratchLine line) => StatusCode(201, new ScratchThing(line.Quantity, 2, Currency, DateTimeOffset.UtcNow));
}
