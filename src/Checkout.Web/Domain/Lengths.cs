namespace Checkout.Web.Domain;

/// <summary>How long the shop's text columns are: the mapping and the forms that fill them use the same numbers.</summary>
public static class Lengths
{
    /// <summary>A person's or a product's name.</summary>
    public const int Name = 200;

    /// <summary>A store, a card, a colour or a category.</summary>
    public const int ShortName = 100;

    /// <summary>A product's storage, e.g. <c>256 GB</c>.</summary>
    public const int Storage = 50;

    public const int Phone = 50;

    public const int Address = 500;

    public const int Url = 500;

    /// <summary>A product description, an error text, a redirect location.</summary>
    public const int LongText = 2000;

    public const int Note = 1000;

    /// <summary>Identity's length for a user id.</summary>
    public const int UserId = 450;

    /// <summary>Identity's length for an e-mail address.</summary>
    public const int Email = 256;

    /// <summary>A client's IP address as text (IPv6 with a scope id fits).</summary>
    public const int ClientAddress = 64;

    /// <summary>An order's or an order event's status.</summary>
    public const int Status = 32;

    /// <summary>An order number or a payment method.</summary>
    public const int Code = 32;

    /// <summary>A short lowercase word: a ledger entry's kind, a stock reason, an actor's role, a return's status.</summary>
    public const int Tag = 16;

    /// <summary>An outbox message's type, handler or subject; an idempotent request's outcome.</summary>
    public const int Key = 64;

    /// <summary>A SHA-256 hash written in hex.</summary>
    public const int Sha256Hex = 64;

    /// <summary>Identity's security stamp (a GUID-like string of 32 characters; room to spare).</summary>
    public const int SecurityStamp = 256;

    public const int ContentType = 200;

    /// <summary>A local date as <c>yyyy-MM-dd</c>.</summary>
    public const int Date = 10;
}
