namespace Checkout.Web.Data;

/// <summary>One data-protection key (cookies, antiforgery tokens) as the key manager writes it.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
