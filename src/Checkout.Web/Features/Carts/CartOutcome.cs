namespace Checkout.Web.Features.Carts;

/// <summary>
/// What a cart change came to; a stock shortage says which product and how many units the cart could have.
/// <see cref="StartedGuestCartId"/> is the guest cart the change had to start (whatever the change came to), for the guest's cookie.
/// </summary>
public sealed record CartOutcome(CartChange Change, string? ProductName = null, int UnitsLeft = 0)
{
    public Guid? StartedGuestCartId { get; init; }

    public static readonly CartOutcome Done = new(CartChange.Done);

    public bool Succeeded => Change == CartChange.Done;

    public static implicit operator CartOutcome(CartChange change) => FromCartChange(change);

    public static CartOutcome FromCartChange(CartChange change) => new(change);

    public static CartOutcome OutOfStock(string productName, int unitsLeft) => new(CartChange.OutOfStock, productName, unitsLeft);
}
