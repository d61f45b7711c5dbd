namespace Checkout.Web.Features.Api;

/// <summary>
/// The stable <c>code</c> of every API refusal: a client branches on these, so a code once published is never renamed.
/// Each has a title <c>Problem_{code}</c> in the resources (Kazakh, Russian, English).
/// </summary>
public static class ApiCodes
{
    // The edge: whatever the endpoint.
    public const string BadRequest = "bad_request";
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";

    // Idempotency-Key.
    public const string IdempotencyKeyRequired = "idempotency_key_required";
    public const string IdempotencyKeyInvalid = "idempotency_key_invalid";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyRunning = "idempotency_key_running";
    public const string IdempotencyAlreadyDone = "idempotency_already_done";

    // Sign-in and tokens.
    public const string InvalidCredentials = "invalid_credentials";
    public const string SignInThrottled = "sign_in_throttled";
    public const string RefreshTokenInvalid = "refresh_token_invalid";

    // Carts.
    public const string CartNotFound = "cart_not_found";
    public const string CartExpired = "cart_expired";
    public const string ProductNotFound = "product_not_found";
    public const string QuantityOutOfRange = "quantity_out_of_range";
    public const string NotInCart = "not_in_cart";
    public const string OutOfStock = "out_of_stock";
    public const string LineLimit = "line_limit";
    public const string GuestCartLimit = "guest_cart_limit";

    // Checkout (the same tree as /process_payment).
    public const string CartEmpty = "cart_empty";
    public const string PaymentMethodUnknown = "payment_method_unknown";
    public const string CardRequired = "card_required";
    public const string CardNotFound = "card_not_found";
    public const string CartChanged = "cart_changed";
    public const string InsufficientFunds = "insufficient_funds";
    public const string AddressRequired = "address_required";
    public const string CashOnDeliveryLimit = "cash_on_delivery_limit";
    public const string GatewayUnavailable = "gateway_unavailable";

    // Coupons (seed 004's «Coupon is invalid.»: each also carries "error_code": 2004) and points.
    public const string CouponInvalid = "coupon_invalid";
    public const string CouponNotYetValid = "coupon_not_yet_valid";
    public const string CouponUsedUp = "coupon_used_up";
    public const string CouponAlreadyUsed = "coupon_already_used";
    public const string CouponBelowMinimum = "coupon_below_minimum";
    public const string NoCoupon = "no_coupon";
    public const string PointsOverLimit = "points_over_limit";
    public const string PointsNotEnough = "points_not_enough";

    // Orders.
    public const string OrderNotFound = "order_not_found";
    public const string TransitionRefused = "transition_refused";
    public const string TransitionLost = "transition_lost";
    public const string ReturnAlreadyRequested = "return_already_requested";
    public const string ReturnReasonRequired = "return_reason_required";
}
