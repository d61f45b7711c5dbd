namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>The catalogue of bad input the fuzzer sends, and the few routes it treats differently.</summary>
internal static class HostileInputs
{
    /// <summary>The POST routes the shop has today; the enumeration must find at least these.</summary>
    public static readonly string[] KnownRoutes =
    [
        "/process_payment", "/cart/add", "/cart/update", "/cart/remove", "/checkout/address",
        "/account/login", "/account/register", "/account/logout", "/account/profile",
        "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/carts/{token}/lines", "/api/v1/carts/{token}/estimate",
        "/api/v1/orders", "/api/v1/orders/{number}/cancel", "/api/v1/orders/{number}/return",
        "/cart/coupon", "/cart/coupon/remove", "/admin/coupons/new", "/admin/coupons/{id:int}", "/admin/coupons/{id:int}/deactivate",
        "/api/v1/carts/{token}/coupon",
    ];

    /// <summary>Field names tried on every route besides the ones its action binds.</summary>
    public static readonly string[] ExtraFields = ["card_id", "product_id", "productId", "quantity", "status", "reason", "payment_method", "expected_total", "points", "code"];

    public static readonly string[] HostileValues =
    [
        "9999999999999999999", "1e400", "-1", "0", "abc", "1; DROP TABLE Cards", "../../etc/passwd", "",
    ];

    /// <summary>Bodies that are not JSON an action could read.</summary>
    public static readonly string[] RawJsonBodies =
    [
        "{\"card_id\": 1,", "{card_id: 1}", "[1]", "\"1\"", "null", "{\"card_id\": {\"id\": 1}}", "{\"card_id\": [1]}", "",
    ];

    /// <summary>JSON values put in every field at once.</summary>
    public static readonly string[] JsonValues = ["9999999999999999999", "1e400", "-1", "0", "\"abc\"", "\"1; DROP TABLE Cards\"", "\"../../etc/passwd\"", "\"\""];

    /// <summary>A body well-formed but for its size: over the shop's 1 MB limit.</summary>
    public const int OversizedBytes = 1_200_000;

    /// <summary>
    /// Exceptions, kept to what is not bad input at all:
    /// <list type="bullet">
    /// <item><c>/health</c> maps every method and reads nothing from the request: a POST is a health probe (200).</item>
    /// <item><c>POST /api/v1/carts</c> starts a cart whatever the body (it binds nothing: 201 and a new cart row), and
    /// <c>POST /api/v1/auth/logout</c> answers 204 to any refresh token, known or not, and changes nothing but its own.</item>
    /// <item><c>/account/logout</c> binds nothing: with a valid token, whatever the body, it is a proper sign-out (302),
    /// so only its token cases run.</item>
    /// </list>
    /// Beyond these, a redirect is accepted only as the sign-in or access-denied challenge, and only where the route
    /// needs a sign-in the visitor doesn't have (a guest on a route behind <c>[Authorize]</c>): nothing runs, and it is
    /// how the shop's cookie sign-in answers every page. Values are not tried where any text is valid (see
    /// <see cref="BoundField.FreeText"/>), and an empty value is not tried in a nullable field, where it means "absent".
    /// </summary>
    public static readonly string[] ProbesOnly = ["/health", "/api/v1/carts", "/api/v1/auth/logout"];

    public static readonly string[] TokenCasesOnly = ["/account/logout"];

    /// <summary>Values for a route's parameters: someone else's order (by number and id), none, and the hostile ones.</summary>
    public static string[] PathValues(FuzzWorld world) =>
    [
        world.AidosOrderNumber, $"{world.AidosOrderId}", "ORD-00000000-NOPE", "999999999", "99999999999999999999",
        "-1", "0", "abc", "1; DROP TABLE Orders", "../../etc/passwd",
    ];
}
