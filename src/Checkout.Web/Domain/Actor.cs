namespace Checkout.Web.Domain;

/// <summary>The person behind a transition, as the timeline records them.</summary>
public sealed record Actor(string Role, string? UserId, string? Email)
{
    public bool IsAdmin => Role == Actors.Admin;
}
