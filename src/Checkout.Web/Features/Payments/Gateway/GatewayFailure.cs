namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>Why a call to the gateway brought no usable answer.</summary>
public enum GatewayFailure
{
    /// <summary>No answer: the network, a timeout, the gateway's 5xx or 429. Worth trying again.</summary>
    Unavailable,

    /// <summary>The gateway refused our credentials (a configuration fault, not worth retrying).</summary>
    Unauthorized,

    /// <summary>The gateway read the request and said no (<c>Success: false</c>), with its message.</summary>
    Refused,

    /// <summary>An answer that isn't the protocol's, or disagrees with what we asked (another amount).</summary>
    InvalidAnswer,

    /// <summary>The shop has no credentials for the gateway: online payments are off, nothing was sent.</summary>
    NotConfigured,
}
