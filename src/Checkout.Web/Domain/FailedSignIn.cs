namespace Checkout.Web.Domain;

/// <summary>
/// Failed sign-ins for one e-mail address from one client address, counted while they keep coming within the
/// throttle window. The pair, not the account, is refused for a while after too many: an attacker elsewhere
/// slows himself down without locking the account's owner out.
/// </summary>
public sealed class FailedSignIn
{
    /// <summary>The address as typed, normalised the way Identity normalises e-mails (known account or not).</summary>
    public required string Email { get; set; }

    /// <summary>The client's IP address as the shop sees it (after a known proxy's <c>X-Forwarded-For</c>).</summary>
    public required string ClientAddress { get; set; }

    public int Failures { get; set; }

    public DateTime LastFailureUtc { get; set; }
}
