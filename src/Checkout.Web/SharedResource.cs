namespace Checkout.Web;

/// <summary>Anchor type for the shop's texts in <c>Resources/SharedResource.resx</c> (Kazakh).</summary>
public sealed class SharedResource;
