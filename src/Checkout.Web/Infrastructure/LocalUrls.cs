using Microsoft.AspNetCore.Http.Extensions;

namespace Checkout.Web.Infrastructure;

/// <summary>What the shop puts in a <c>Location</c> header: its own URLs, in ASCII, without the request's Host.</summary>
public static class LocalUrls
{
    /// <summary>A local URL percent-encoded where it isn't ASCII (or has spaces, controls); what is already encoded stays as it is.</summary>
    public static string Encode(string localUrl) => UriHelper.Encode(new Uri(localUrl, UriKind.Relative));

    /// <summary>
    /// An absolute http(s) URL cut to its path and query: the cookie sign-in builds its redirects from the request's
    /// Host header, which a client chooses; a path leads to the same page on whatever host the browser is on.
    /// </summary>
    public static string PathOnly(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery + absolute.Fragment
            : url;
}
