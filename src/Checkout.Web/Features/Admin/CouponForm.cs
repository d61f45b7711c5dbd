using System.ComponentModel.DataAnnotations;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;

namespace Checkout.Web.Features.Admin;

/// <summary>The admin's coupon form: amounts in whole tenge, dates as the shop's local days (the last one included).</summary>
public sealed class CouponForm
{
    [Display(Name = "CouponCode")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Coupon.MaxCodeLength, ErrorMessage = "FieldTooLong")]
    public string Code { get; set; } = "";

    [Display(Name = "CouponKind")]
    public string Kind { get; set; } = CouponKinds.Percent;

    [Display(Name = "CouponPercent")]
    public int? Percent { get; set; }

    [Display(Name = "CouponAmount")]
    public long? Amount { get; set; }

    public bool FreeDelivery { get; set; }

    [Display(Name = "CouponMinSubtotal")]
    [Range(0, 100_000_000_000, ErrorMessage = "CouponAmountInvalid")]
    public long? MinSubtotal { get; set; }

    [Display(Name = "CouponValidFrom")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "CouponValidTo")]
    public DateOnly? ValidTo { get; set; }

    [Display(Name = "CouponUsageLimit")]
    [Range(1, 1_000_000_000, ErrorMessage = "CouponLimitInvalid")]
    public int? UsageLimit { get; set; }

    [Display(Name = "CouponPerShopper")]
    [Range(1, 1_000_000, ErrorMessage = "CouponLimitInvalid")]
    public int? PerShopperLimit { get; set; } = 1;

    public bool Active { get; set; } = true;

    public static CouponForm Of(Coupon coupon) => new()
    {
        Code = coupon.Code,
        Kind = coupon.Kind,
        Percent = coupon.Kind == CouponKinds.Percent ? coupon.Percent : null,
        Amount = coupon.Kind == CouponKinds.Fixed ? new Money(coupon.AmountTiyn).WholeTenge : null,
        FreeDelivery = coupon.FreeDelivery,
        MinSubtotal = coupon.MinSubtotalTiyn == 0 ? null : new Money(coupon.MinSubtotalTiyn).WholeTenge,
        ValidFrom = coupon.ValidFromUtc is { } from ? ShopTime.Date(from) : null,
        ValidTo = coupon.ValidUntilUtc is { } until ? ShopTime.Date(until).AddDays(-1) : null,
        UsageLimit = coupon.UsageLimit,
        PerShopperLimit = coupon.PerShopperLimit,
        Active = coupon.Active,
    };

    /// <summary>Writes the form onto <paramref name="coupon"/> (the use count is never the form's).</summary>
    public void CopyTo(Coupon coupon)
    {
        coupon.Code = Coupon.Normalize(Code);
        coupon.Kind = Kind;
        coupon.Percent = Kind == CouponKinds.Percent ? Percent ?? 0 : 0;
        coupon.AmountTiyn = Kind == CouponKinds.Fixed ? Money.FromTenge(Amount ?? 0).Tiyn : 0;
        coupon.FreeDelivery = FreeDelivery;
        coupon.MinSubtotalTiyn = Money.FromTenge(MinSubtotal ?? 0).Tiyn;
        coupon.ValidFromUtc = ValidFrom is { } from ? ShopTime.StartOfDayUtc(from) : null;
        coupon.ValidUntilUtc = ValidTo is { } to ? ShopTime.StartOfDayUtc(to.AddDays(1)) : null;
        coupon.UsageLimit = UsageLimit;
        coupon.PerShopperLimit = PerShopperLimit;
        coupon.Active = Active;
    }
}
