using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Carts;

/// <summary>
/// A cart in the database, the one of the <see cref="CartOwner"/> the caller names: a guest's by its cart id (the edge
/// keeps it in <see cref="CartCookie"/>), a signed-in shopper's by their user id; a guest cart merges into the shopper's at login.
/// Every change first takes the cart row, as a checkout does, and changes lines with guarded statements,
/// so parallel requests can't push a line past its limit or slip a change past a checkout. Every line holds its
/// units in a stock reservation of the same quantity (see <see cref="Reservations"/>). A line grows only up to
/// <see cref="CartLimitsOptions.MaxUnitsPerProduct"/>, a guest cart only up to <see cref="CartLimitsOptions.GuestMaxValue"/>:
/// both are checked with the cart taken, so parallel requests can't push a cart past them either.
/// </summary>
public sealed class CartService(
    ShopDbContext db, WriteTransactions writes, Reservations reservations, TimeProvider clock, IOptions<CartLimitsOptions> limits,
    PricingSettings pricing)
{
    private (CartOwner Owner, Guid? Id)? _cart; // this request's cart, looked up once (the page and its header both ask)

    private (CartOwner Owner, CartView View)? _view; // the lines this request already loaded: the header counts them instead of asking again

    public async Task<CartView> GetAsync(CartOwner owner, CancellationToken ct = default)
    {
        if (CartLinesOf(owner) is not { } ownerLines)
        {
            return CartView.Empty;
        }

        var rows = await ownerLines
            .OrderBy(l => l.AddedUtc).ThenBy(l => l.Id)
            .Select(l => new
            {
                Line = new CartLineView(
                    l.ProductId, l.Product!.Name, l.Product.Color, l.Product.Storage, l.Product.ImageUrl,
                    l.Quantity, new Money(l.Product.Offers.Min(o => o.PriceTiyn)), l.Product.VatRate),
                CouponId = db.Carts.Where(c => c.Id == l.CartId).Select(c => c.CouponId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        List<CartLineView> lines = [.. rows.Select(r => r.Line)];
        var coupon = rows is [{ CouponId: { } couponId }, ..]
            ? await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId, ct)
            : null;
        _view = (owner, await ViewAsync(owner, lines, coupon, ct));
        return _view.Value.View;
    }

    /// <summary>The lines priced with the cart's coupon if it can be used now (else without it, saying why).</summary>
    private async Task<CartView> ViewAsync(CartOwner owner, List<CartLineView> lines, Coupon? coupon, CancellationToken ct)
    {
        List<PricingLine> pricingLines = [.. lines.Select(l => l.ToPricing())];
        if (coupon is null)
        {
            return new CartView(lines, Pricing.Price(pricingLines, null, 0, pricing));
        }

        var (problem, _) = await CouponService.CheckAsync(db, coupon, owner.ShopperId, clock.GetUtcNow().UtcDateTime, ct);
        var priced = Pricing.Price(pricingLines, problem == CouponProblem.None ? coupon.Terms : null, 0, pricing);
        if (priced.Refusal == PricingRefusal.CouponBelowMinimum)
        {
            problem = CouponProblem.BelowMinimum;
        }

        return new CartView(lines, priced, new AppliedCoupon(coupon.Code, coupon.Terms, problem, priced.CouponShortBy, coupon.ValidFromUtc));
    }

    /// <summary>
    /// Puts the coupon on the owner's cart, or with null takes it off; false when there is no cart, or (taking off) no
    /// coupon on it. Whether the coupon may be used is the caller's (<see cref="CouponService.ApplyAsync"/>).
    /// </summary>
    public async Task<bool> SetCouponAsync(CartOwner owner, int? couponId, CancellationToken ct = default)
    {
        if (await FindCartIdAsync(owner, ct) is not { } cartId)
        {
            return false;
        }

        var outcome = await ChangeCartAsync(cartId, async () =>
            await db.Carts
                .Where(c => c.Id == cartId && (couponId != null || c.CouponId != null))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CouponId, couponId), ct) == 1
                ? CartOutcome.Done
                : CartChange.NotInCart, ct);
        return outcome.Succeeded;
    }

    public async Task<int> CountItemsAsync(CartOwner owner, CancellationToken ct = default)
    {
        if (_view is { } loaded && loaded.Owner == owner)
        {
            return loaded.View.ItemCount;
        }

        return CartLinesOf(owner) is { } lines ? await lines.SumAsync(l => l.Quantity, ct) : 0;
    }

    /// <summary>
    /// The lines of the owner's cart, the cart found by its owner within the same statement, so showing a cart is
    /// one query; null when the owner can have no cart.
    /// </summary>
    private IQueryable<CartLine>? CartLinesOf(CartOwner owner)
    {
        if (_cart is { } known && known.Owner == owner)
        {
            return known.Id is { } id ? db.CartLines.Where(l => l.CartId == id) : null;
        }

        return CartOf(owner) is { } cart
            ? db.CartLines.Where(l => l.CartId == cart.Select(c => c.Id).FirstOrDefault())
            : null;
    }

    /// <summary>The shopper's cart, or the guest's (a guest cart only); null when there can be none.</summary>
    private IQueryable<Cart>? CartOf(CartOwner owner) => owner switch
    {
        { ShopperId: { } userId } => db.Carts.Where(c => c.UserId == userId),
        { GuestCartId: { } cartId } => db.Carts.Where(c => c.Id == cartId && c.UserId == null),
        _ => null,
    };

    /// <summary>Adds to the product's line; a guest without a cart gets one, named in the outcome for its cookie.</summary>
    public async Task<CartOutcome> AddAsync(CartOwner owner, int productId, int quantity, CancellationToken ct = default)
    {
        if (!CartRules.IsAllowedQuantity(quantity))
        {
            return CartChange.QuantityOutOfRange;
        }

        if (!await db.Products.AnyAsync(p => p.Id == productId && p.Offers.Any(), ct))
        {
            return CartChange.UnknownProduct;
        }

        var (cartId, started) = await GetOrCreateCartIdAsync(owner, ct);
        var outcome = await ChangeCartAsync(cartId, () => AddLineAsync(cartId, IsGuest(owner), productId, quantity, ct), ct);
        return started ? outcome with { StartedGuestCartId = cartId } : outcome;
    }

    public async Task<CartOutcome> SetQuantityAsync(CartOwner owner, int productId, int quantity, CancellationToken ct = default)
    {
        if (!CartRules.IsAllowedQuantity(quantity))
        {
            return CartChange.QuantityOutOfRange;
        }

        return await FindCartIdAsync(owner, ct) is { } cartId
            ? await ChangeCartAsync(cartId, async () =>
                await LineQuantityAsync(cartId, productId, ct) is { } current
                    ? await SetLineAsync(cartId, IsGuest(owner), productId, current, quantity, ct)
                    : CartChange.NotInCart, ct)
            : CartChange.NotInCart;
    }

    public async Task<CartOutcome> RemoveAsync(CartOwner owner, int productId, CancellationToken ct = default)
    {
        return await FindCartIdAsync(owner, ct) is { } cartId
            ? await ChangeCartAsync(cartId, async () =>
            {
                if (await db.CartLines.Where(l => l.CartId == cartId && l.ProductId == productId).ExecuteDeleteAsync(ct) != 1)
                {
                    return CartChange.NotInCart;
                }

                await reservations.ReleaseAsync(cartId, productId, ct);
                return CartOutcome.Done;
            }, ct)
            : CartChange.NotInCart;
    }

    /// <summary>
    /// Puts a cancelled order's goods and coupon back into its shopper's cart, as far as the line limits and the stock
    /// allow (a line that no longer fits stays out): a declined one-click payment leaves the shopper where they were.
    /// </summary>
    public async Task RefillFromOrderAsync(string userId, string orderNumber, CancellationToken ct = default)
    {
        var order = await db.Orders
            .Where(o => o.Number == orderNumber && o.UserId == userId && o.Status == OrderStatus.Cancelled)
            .Select(o => new { o.CouponId, Lines = o.Lines.Select(l => new { l.ProductId, l.Quantity }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (order is null)
        {
            return;
        }

        var owner = CartOwner.Shopper(userId);
        foreach (var line in order.Lines.GroupBy(l => l.ProductId, l => l.Quantity))
        {
            await AddAsync(owner, line.Key, line.Sum(), ct);
        }

        if (order.CouponId is { } couponId)
        {
            await SetCouponAsync(owner, couponId, ct);
        }
    }

    /// <summary>
    /// Moves the guest cart's lines into the shopper's cart: quantities add up, capped at the line limit and at what the stock
    /// can still hold for the shopper (a line nothing is left of stays out). The guest cart is gone afterwards.
    /// </summary>
    public async Task MergeGuestCartAsync(Guid guestCartId, string userId, CancellationToken ct = default)
    {
        var userCartId = await GetOrCreateUserCartIdAsync(userId, ct);
        await ChangeCartAsync(userCartId, async () =>
        {
            var guestLines = await db.CartLines
                .Where(l => l.CartId == guestCartId && db.Carts.Any(c => c.Id == guestCartId && c.UserId == null))
                .OrderBy(l => l.ProductId) // products are locked in id order everywhere, so two requests can't deadlock
                .Select(l => new { l.ProductId, l.Quantity })
                .ToListAsync(ct);

            // The guest's coupon comes along unless the shopper's cart has one of its own.
            var guestCoupon = await db.Carts.Where(c => c.Id == guestCartId && c.UserId == null).Select(c => c.CouponId).FirstOrDefaultAsync(ct);
            if (guestCoupon is { } couponId)
            {
                await db.Carts.Where(c => c.Id == userCartId && c.CouponId == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.CouponId, couponId), ct);
            }

            // The guest cart goes first, and its reservations with it, so they don't count against the shopper's own.
            await db.Carts.Where(c => c.Id == guestCartId && c.UserId == null).ExecuteDeleteAsync(ct);
            foreach (var line in guestLines)
            {
                var current = await LineQuantityAsync(userCartId, line.ProductId, ct);
                var wanted = Math.Min(limits.Value.MaxUnitsPerProduct, (current ?? 0) + line.Quantity);
                if (wanted <= (current ?? 0))
                {
                    continue;
                }

                var outcome = await SetLineAsync(userCartId, guest: false, line.ProductId, current, wanted, ct);
                if (outcome.Change == CartChange.OutOfStock && outcome.UnitsLeft > (current ?? 0))
                {
                    await SetLineAsync(userCartId, guest: false, line.ProductId, current, outcome.UnitsLeft, ct);
                }
            }

            return CartOutcome.Done;
        }, ct);
        _cart = (CartOwner.Shopper(userId), userCartId);
    }

    /// <summary>
    /// A cart for the owner to fill before its first add (an app's <c>POST /api/v1/carts</c>): the shopper's own cart
    /// (created if there is none), or a new, empty guest cart.
    /// </summary>
    public async Task<Guid> StartAsync(CartOwner owner, CancellationToken ct = default)
    {
        if (owner.ShopperId is { } userId)
        {
            var userCartId = await GetOrCreateUserCartIdAsync(userId, ct);
            _cart = (owner, userCartId);
            return userCartId;
        }

        var cart = NewCart(userId: null);
        db.Carts.Add(cart);
        await db.SaveChangesAsync(ct);
        _cart = (CartOwner.Guest(cart.Id), cart.Id);
        return cart.Id;
    }

    /// <summary>The owner's cart, which this request shows and pays for, or null when the owner has none yet.</summary>
    public async Task<Guid?> FindCartIdAsync(CartOwner owner, CancellationToken ct = default)
    {
        if (_cart is not { } known || known.Owner != owner)
        {
            known = (owner, await LookUpCartIdAsync(owner, ct));
            _cart = known;
        }

        return known.Id;
    }

    private async Task<Guid?> LookUpCartIdAsync(CartOwner owner, CancellationToken ct) =>
        CartOf(owner) is { } cart ? await cart.Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) : null;

    /// <summary>
    /// Runs a change of the cart's lines in a transaction whose first statement takes the cart row, as a
    /// checkout does: a change and a checkout of one cart never interleave, so a checkout pays for exactly
    /// the lines it read and no later change is lost with the lines it deletes.
    /// </summary>
    private async Task<CartOutcome> ChangeCartAsync(Guid cartId, Func<Task<CartOutcome>> change, CancellationToken ct)
    {
        _view = null;
        await using var transaction = await writes.BeginAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Carts
            .Where(c => c.Id == cartId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedUtc, now), ct);
        if (taken != 1)
        {
            return CartChange.NotInCart;
        }

        var result = await change();
        if (result.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return result;
    }

    /// <summary>Adds to the product's line, or starts one; call only with the cart taken.</summary>
    private async Task<CartOutcome> AddLineAsync(Guid cartId, bool guest, int productId, int quantity, CancellationToken ct)
    {
        var current = await LineQuantityAsync(cartId, productId, ct);
        return await SetLineAsync(cartId, guest, productId, current, (current ?? 0) + quantity, ct);
    }

    private static bool IsGuest(CartOwner owner) => owner.ShopperId is null;

    private Task<int?> LineQuantityAsync(Guid cartId, int productId, CancellationToken ct) =>
        db.CartLines.Where(l => l.CartId == cartId && l.ProductId == productId).Select(l => (int?)l.Quantity).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Reserves <paramref name="quantity"/> units for the cart, then sets the line (from <paramref name="current"/>, null
    /// when there is none) to it; call only with the cart taken. Short stock changes nothing and says how many are left;
    /// so does a line or a guest cart that would grow past its limit (shrinking is always allowed).
    /// </summary>
    private async Task<CartOutcome> SetLineAsync(Guid cartId, bool guest, int productId, int? current, int quantity, CancellationToken ct)
    {
        if (quantity > (current ?? 0))
        {
            if (quantity > limits.Value.MaxUnitsPerProduct)
            {
                return CartChange.LineLimit;
            }

            if (guest && await ValueWithAsync(cartId, productId, quantity, ct) > Money.FromTenge(limits.Value.GuestMaxValue))
            {
                return CartChange.GuestCartLimit;
            }
        }

        var reservation = await reservations.ReserveAsync(cartId, productId, quantity, ct);
        if (!reservation.Held)
        {
            var name = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            return name is null ? CartChange.UnknownProduct : CartOutcome.OutOfStock(name, reservation.Available);
        }

        if (current is null)
        {
            db.CartLines.Add(new CartLine { CartId = cartId, ProductId = productId, Quantity = quantity, AddedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (await db.CartLines
            .Where(l => l.CartId == cartId && l.ProductId == productId && l.Quantity == current)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, quantity), ct) != 1)
        {
            return CartChange.NotInCart;
        }

        await db.SaveChangesAsync(ct); // the new line and/or the new reservation, in one save
        return CartOutcome.Done;
    }

    /// <summary>What the cart would be worth at current prices with the product's line at <paramref name="quantity"/>.</summary>
    private async Task<Money> ValueWithAsync(Guid cartId, int productId, int quantity, CancellationToken ct)
    {
        var others = await db.CartLines
            .Where(l => l.CartId == cartId && l.ProductId != productId)
            .Select(l => new { l.Quantity, Price = l.Product!.Offers.Min(o => (long?)o.PriceTiyn) ?? 0 })
            .ToListAsync(ct);
        var price = await db.Offers.Where(o => o.ProductId == productId).MinAsync(o => (long?)o.PriceTiyn, ct) ?? 0;
        return Money.Sum(others.Select(l => new Money(l.Price) * l.Quantity)) + new Money(price) * quantity;
    }

    /// <summary>The owner's cart, created when there is none; <c>Started</c> says a new guest cart was.</summary>
    private async Task<(Guid Id, bool Started)> GetOrCreateCartIdAsync(CartOwner owner, CancellationToken ct)
    {
        if (owner.ShopperId is { } userId)
        {
            var userCartId = await GetOrCreateUserCartIdAsync(userId, ct);
            _cart = (owner, userCartId);
            return (userCartId, false);
        }

        if (await FindCartIdAsync(owner, ct) is { } existing)
        {
            return (existing, false);
        }

        var cart = NewCart(userId: null);
        db.Carts.Add(cart);
        await db.SaveChangesAsync(ct);
        _cart = (owner, cart.Id);
        return (cart.Id, true);
    }

    private async Task<Guid> GetOrCreateUserCartIdAsync(string userId, CancellationToken ct)
    {
        var existing = await db.Carts.Where(c => c.UserId == userId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var cart = NewCart(userId);
        db.Carts.Add(cart);
        try
        {
            await db.SaveChangesAsync(ct);
            return cart.Id;
        }
        catch (DbUpdateException)
        {
            // Another request of this shopper created the cart first (unique user id): use that one.
            db.Entry(cart).State = EntityState.Detached;
            return await db.Carts.Where(c => c.UserId == userId).Select(c => c.Id).FirstAsync(ct);
        }
    }

    private Cart NewCart(string? userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new Cart { Id = Guid.NewGuid(), UserId = userId, CreatedUtc = now, UpdatedUtc = now };
    }
}
