using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Checkout.Web.Features.Api;

/// <summary>
/// <c>[Produces("application/json")]</c> that leaves a refusal alone: the plain attribute resets every object result's
/// content type, which turned <see cref="ApiProblem"/>'s <c>application/problem+json</c> into <c>application/json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ProducesJsonAttribute() : ProducesAttribute("application/json")
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: ProblemDetails })
        {
            return;
        }

        base.OnResultExecuting(context);
    }
}
