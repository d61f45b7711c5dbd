namespace Checkout.Web.Workers;

/// <summary>Configuration section <c>Jobs:StaleGuestCarts</c>.</summary>
public sealed class StaleGuestCartsOptions
{
    public const string Section = "Jobs:StaleGuestCarts";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A guest cart untouched this long is deleted.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);
}
