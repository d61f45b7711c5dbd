namespace Checkout.Web.Outbox;

/// <summary>Configuration section <c>Email</c>. No mail server is reachable, so mail is written as .eml files to a pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Where the .eml files go; relative paths are taken from the data folder. Default: <c>mail</c> in the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public string From { get; set; } = "Checkout <no-reply@checkout.local>";
}
