namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>Configuration section <c>Payments:CloudPayments</c>: where the gateway's API is and the merchant's credentials.</summary>
public sealed class CloudPaymentsOptions
{
    public const string Section = "Payments:CloudPayments";

    /// <summary>The API's address (<c>https://api.cloudpayments.ru/</c>; in Development the shop's own sandbox).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// Where the gateway's hosted payment pages are (CloudPayments' <c>orders/create</c> links lead there). The shop's pages
    /// may send a form there — the 303 of an online payment's form post — and nowhere else but the shop itself; the
    /// sandbox's pages are under <see cref="BaseUrl"/>, so with the sandbox that origin is used instead.
    /// </summary>
    public string PaymentPageOrigin { get; set; } = "https://orders.cloudpayments.ru";

    /// <summary>The origin the shop's pages may send forms to besides their own: the sandbox's when configured, else the gateway's hosted pages.</summary>
    public string? FormTarget =>
        Uri.TryCreate(Sandbox.SandboxRoutes.IsSandbox(BaseUrl) ? BaseUrl : PaymentPageOrigin, UriKind.Absolute, out var target)
            ? target.GetLeftPart(UriPartial.Authority)
            : null;

    /// <summary>The site's Public ID: the user name of the API's Basic authentication.</summary>
    public string PublicId { get; set; } = "";

    /// <summary>The API secret: the Basic authentication's password and the key notifications are signed with.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>Both credentials are set; without them the shop takes no online payments (<see cref="GatewayFailure.NotConfigured"/>).</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(PublicId) && !string.IsNullOrWhiteSpace(ApiSecret);

    /// <summary>How long one API call may take before it counts as unanswered.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
