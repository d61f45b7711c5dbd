namespace Checkout.Web.Domain;

/// <summary>Who receives an order and where, copied from the shopper's profile when it is placed.</summary>
public sealed record OrderRecipient(string Name, string Phone, string DeliveryAddress);
