using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// Every redirect an action answers with goes out with an ASCII <c>Location</c>: a local URL carrying other text (a
/// <c>returnUrl</c> with a search in Kazakh, a space) is percent-encoded here, once, for all of them. Kestrel refuses a
/// header that isn't ASCII, and it would do so only after the action's work was done, as a 500 that loses the sign-in
/// or makes a retry add the line twice. What is already encoded stays as it is.
/// </summary>
public sealed class RedirectLocationFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        switch (context.Result)
        {
            case LocalRedirectResult local:
                local.Url = LocalUrls.Encode(local.Url);
                break;
            case RedirectResult { Url: ['/', ..] } redirect:
                redirect.Url = LocalUrls.Encode(redirect.Url);
                break;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
