using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Coupons;

/// <summary>Why a coupon can't be used, in the shopper's words (Kazakh on the pages; the API's language there).</summary>
public static class CouponMessages
{
    public static string For(CouponProblem problem, IStringLocalizer text, Money minSubtotal = default, Money shortBy = default, DateTime? validFromUtc = null) =>
        problem switch
        {
            CouponProblem.NotYetValid => text["CouponNotYetValid", validFromUtc is { } from ? ShopTime.Date(from).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) : ""].Value,
            CouponProblem.UsedUp => text["CouponUsedUp"].Value,
            CouponProblem.AlreadyUsed => text["CouponAlreadyUsed"].Value,
            CouponProblem.BelowMinimum => text["CouponBelowMinimum", minSubtotal, shortBy].Value,
            CouponProblem.Invalid => text["CouponInvalid"].Value,
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No refusal to word."),
        };

    public static string For(CouponVerdict verdict, IStringLocalizer text) =>
        For(verdict.Problem, text, new Money(verdict.Coupon?.MinSubtotalTiyn ?? 0), verdict.ShortBy, verdict.Coupon?.ValidFromUtc);

    public static string For(AppliedCoupon coupon, IStringLocalizer text) =>
        For(coupon.Problem, text, coupon.MinSubtotal, coupon.ShortBy, coupon.ValidFromUtc);
}
