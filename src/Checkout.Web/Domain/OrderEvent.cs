namespace Checkout.Web.Domain;

/// <summary>One step of an order's timeline: the state it entered, who moved it there and when.</summary>
public sealed class OrderEvent
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    /// <summary>Null for the order's creation.</summary>
    public string? FromStatus { get; set; }

    public required string ToStatus { get; set; }

    /// <summary><see cref="Actors"/>: shopper, admin or system.</summary>
    public required string ActorRole { get; set; }

    public string? ActorId { get; set; }

    public string? ActorEmail { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedUtc { get; set; }
}
