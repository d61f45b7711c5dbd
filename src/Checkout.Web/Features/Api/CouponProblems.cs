using Checkout.Web.Domain;

namespace Checkout.Web.Features.Api;

/// <summary>How the API names a coupon refusal: a stable code per reason, 422 as seed 004 answers, and its numeric code 2004.</summary>
public static class CouponProblems
{
    /// <summary>Seed 004's code for «Coupon is invalid.», on every coupon refusal as <c>error_code</c>.</summary>
    public const int SeedErrorCode = 2004;

    public static string CodeFor(CouponProblem problem) => problem switch
    {
        CouponProblem.NotYetValid => ApiCodes.CouponNotYetValid,
        CouponProblem.UsedUp => ApiCodes.CouponUsedUp,
        CouponProblem.AlreadyUsed => ApiCodes.CouponAlreadyUsed,
        CouponProblem.BelowMinimum => ApiCodes.CouponBelowMinimum,
        _ => ApiCodes.CouponInvalid,
    };

    public static Dictionary<string, object?> Extensions(Money shortBy) => shortBy > Money.Zero
        ? new() { ["error_code"] = SeedErrorCode, ["short_by"] = shortBy.Tiyn, ["currency"] = ApiController.Currency }
        : new() { ["error_code"] = SeedErrorCode };
}
