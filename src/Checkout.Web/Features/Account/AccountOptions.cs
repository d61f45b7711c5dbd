namespace Checkout.Web.Features.Account;

/// <summary>Configuration section <c>Accounts</c>: how long sign-ins last and how failed ones are throttled.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How often a signed-in cookie is checked against the account's security stamp (logout, password change); zero: every request.</summary>
    public TimeSpan SecurityStampInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A sign-in without «remember me» ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A sign-in with «remember me»: a persistent cookie, also sliding, that lasts this long without a visit.</summary>
    public TimeSpan RememberMeFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Failed sign-ins allowed for one e-mail address from one client address before that pair is refused.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long failures count (from the last one) and how long a refused pair waits.</summary>
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(15);
}
