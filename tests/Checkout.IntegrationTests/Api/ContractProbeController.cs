using System.ComponentModel.DataAnnotations;
using Checkout.Web.Features.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;

namespace Checkout.IntegrationTests.Api;

/// <summary>A priced thing the probe answers.</summary>
public sealed record ProbeThing(int Id, long Price, string Currency);

/// <summary>What the probe takes.</summary>
public sealed record ProbeLine
{
    [Required(ErrorMessage = "FieldRequired")]
    public int? ProductId { get; init; }

    [Range(1, 10)]
    public int Quantity { get; init; } = 1;
}

/// <summary>
/// API endpoints that exist only in the test shops that add them (<see cref="ContractProbe.Shop"/>): they hold the docs,
/// the contract checker and the edge to something documented whatever endpoints the shop has.
/// </summary>
public sealed class ContractProbeController : ApiController
{
    [HttpGet("/api/v1/contract_probe/{id:int}")]
    [EndpointName("ProbeGet")]
    [ProducesResponseType<ProbeThing>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public IActionResult Get(int id) => id == 1 ? Ok(new ProbeThing(1, 92_674_000, Currency)) : Refuse(404, ApiCodes.ProductNotFound);

    /// <summary>Answers a body that breaks its own documented schema (price as a string): the checker must catch it.</summary>
    [HttpGet("/api/v1/contract_probe/liar")]
    [EndpointName("ProbeLiar")]
    [ProducesResponseType<ProbeThing>(200)]
    public IActionResult Liar() => Ok(new { id = 1, price = "a lot", currency = Currency });

    [HttpPost("/api/v1/carts/{token}/contract_probe")]
    [EndpointName("ProbeCart")]
    [ProducesResponseType<ProbeThing>(201)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public IActionResult Cart(string token, ProbeLine line) =>
        token == "good" ? StatusCode(201, new ProbeThing(line.ProductId ?? 0, 1, Currency)) : Refuse(404, ApiCodes.CartNotFound);

    [HttpPost("/api/v1/contract_probe/private")]
    [Authorize]
    [EndpointName("ProbePrivate")]
    [ProducesResponseType<ProbeThing>(200)]
    public IActionResult Private(ProbeLine line) => Ok(new ProbeThing(line.Quantity, 2, Currency));
}
