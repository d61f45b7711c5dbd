using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Checkout.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Xunit.Abstractions;

namespace Checkout.IntegrationTests;

/// <summary>
/// Sends bad input to every route the running shop accepts a POST on — found from its endpoints, so routes added
/// later are covered without touching this class — and holds each answer to one rule: a 4xx with a message from the
/// shop's resources (the JSON envelope or a page that shows it), never a success, a silent redirect, a 500 or a
/// stack trace, and not one row of the database changed. Every failing (route, case) pair is reported together.
/// </summary>
public sealed class RequestFuzzTests(RequestFuzzTests.World world, ITestOutputHelper output) : IClassFixture<RequestFuzzTests.World>
{
    /// <summary>The POST routes the shop has today; the enumeration must find at least these.</summary>
    private static readonly string[] KnownRoutes =
    [
        "/process_payment", "/cart/add", "/cart/update", "/cart/remove", "/checkout/address",
        "/account/login", "/account/register", "/account/logout", "/account/profile",
    ];

    /// <summary>Field names tried on every route besides the ones its action binds.</summary>
    private static readonly string[] ExtraFields = ["card_id", "product_id", "productId", "quantity", "status", "reason", "payment_method"];

    private static readonly string[] HostileValues =
    [
        "9999999999999999999", "1e400", "-1", "0", "abc", "1; DROP TABLE Cards", "../../etc/passwd", "",
    ];

    /// <summary>
    /// Exceptions, kept to what is not bad input at all:
    /// <list type="bullet">
    /// <item><c>/health</c> maps every method and reads nothing from the request: a POST is a health probe (200).</item>
    /// <item><c>/account/logout</c> binds nothing: with a valid token, whatever the body, it is a proper sign-out (302),
    /// so only its token cases run.</item>
    /// </list>
    /// Beyond these, a redirect is accepted only as the sign-in or access-denied challenge, and only where the route
    /// needs a sign-in the visitor doesn't have (a guest on a route behind <c>[Authorize]</c>): nothing runs, and it is
    /// how the shop's cookie sign-in answers every page. Values are not tried where any text is valid (see
    /// <see cref="BoundField.FreeText"/>), and an empty value is not tried in a nullable field, where it means "absent".
    /// </summary>
    private static readonly string[] ProbesOnly = ["/health"];

    private static readonly string[] TokenCasesOnly = ["/account/logout"];

    private readonly ShopFactory _shop = world.Shop;

    [Fact]
    public void The_enumeration_finds_every_post_route_known_today()
    {
        var found = PostRoutes().Select(r => r.Pattern).ToList();
        output.WriteLine($"POST routes: {string.Join(", ", found)}");

        found.Should().Contain(KnownRoutes);
    }

    [Fact]
    public async Task Bad_input_to_every_post_route_as_a_signed_in_shopper_gets_a_4xx_with_a_message_and_changes_nothing()
    {
        using var demo = _shop.CreateShopper();
        await demo.LoginAsync();
        if ((await demo.Http.GetStringAsync(new Uri("/cart", UriKind.Relative))).Contains("data-product-id=\"1\"", StringComparison.Ordinal) == false)
        {
            (await demo.AddToCartAsync(1, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        // A cart that can be paid for: a payment the checks failed to refuse would show in the database.
        var run = new Run(_shop, world, demo, await demo.TokenAsync(), signedIn: true);
        await run.StartAsync();
        foreach (var route in PostRoutes().Where(r => !ProbesOnly.Contains(r.Pattern)))
        {
            foreach (var path in route.Paths(world))
            {
                await run.TokenCasesAsync(route, path);
                if (TokenCasesOnly.Contains(route.Pattern))
                {
                    continue;
                }

                if (path.Hostile)
                {
                    await run.HostilePathCasesAsync(route, path);
                    continue;
                }

                await run.JsonCasesAsync(route, path, oversized: true);
                await run.FormCasesAsync(route, path, perField: true, oversized: true);
            }

            await run.StillSignedInAsync(route, Shopper.DemoEmail, Shopper.DemoPassword);
        }

        output.WriteLine(run.Summary);
        run.Report();
    }

    [Fact]
    public async Task Bad_input_to_every_post_route_as_a_guest_gets_a_4xx_with_a_message_and_changes_nothing()
    {
        using var guest = _shop.CreateShopper();
        var run = new Run(_shop, world, guest, await guest.TokenAsync(), signedIn: false);
        await run.StartAsync();
        foreach (var route in PostRoutes().Where(r => !ProbesOnly.Contains(r.Pattern)))
        {
            foreach (var path in route.Paths(world).Where(p => !p.Hostile || p.Value == "abc"))
            {
                await run.TokenCasesAsync(route, path);
                if (TokenCasesOnly.Contains(route.Pattern))
                {
                    continue;
                }

                if (route.NeedsLogin || route.Pattern == "/process_payment")
                {
                    // Well-formed and properly signed, but from nobody: refused all the same (SPEC: 401 on
                    // /process_payment, which opts out of [Authorize] only to answer that 401 in JSON itself).
                    await run.SendAsync(route, path, "guest, valid token, well-formed form", Form(route.GoodValues(), run.Token), headerToken: null);
                }

                await run.JsonCasesAsync(route, path, oversized: false);
                await run.FormCasesAsync(route, path, perField: false, oversized: false);
            }
        }

        output.WriteLine(run.Summary);
        run.Report();
    }

    private List<PostRoute> PostRoutes()
    {
        var endpoints = _shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase))
            .Select(e => new PostRoute(e))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields, string? formToken)
    {
        var all = new Dictionary<string, string>(fields);
        if (formToken is not null)
        {
            all["__RequestVerificationToken"] = formToken;
        }

        return new FormUrlEncodedContent(all);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");


    /// <summary>The shop, plus what the fuzzer borrows from the second shopper: an order and a token of his.</summary>
    public sealed class World : IAsyncLifetime
    {
        public ShopFactory Shop { get; } = new();

        public string AidosOrderNumber { get; private set; } = "";

        public int AidosOrderId { get; private set; }

        public string AidosToken { get; private set; } = "";

        public async Task InitializeAsync()
        {
            // A real port: body size limits are Kestrel's, the in-memory test server doesn't enforce them.
            Shop.UseKestrel(0);
            Shop.StartServer();
            using var aidos = Shop.CreateShopper();
            await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
            await using (var db = Shop.OpenDatabase())
            {
                var cheapest = await db.Products.Where(p => p.Stock > 0 && p.Offers.Any())
                    .OrderBy(p => p.Offers.Min(o => o.PriceTiyn)).Select(p => p.Id).FirstAsync();
                (await aidos.AddToCartAsync(cheapest, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            }

            var paid = await Shopper.ReadAnswerAsync(await aidos.PayAsync(new { card_id = SeededCards.AidosKaspiGold }));
            paid.Status.Should().Be(HttpStatusCode.OK, paid.Json);
            AidosOrderNumber = paid.OrderNumber!;
            await Shop.WaitForOutboxAsync(); // the order's e-mail and sales count are written now, not during the cases
            await using (var db = Shop.OpenDatabase())
            {
                AidosOrderId = await db.Orders.Where(o => o.Number == AidosOrderNumber).Select(o => o.Id).SingleAsync();
            }

            AidosToken = await aidos.TokenAsync();
        }

        public Task DisposeAsync()
        {
            Shop.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>A route and what it binds, read from its endpoint.</summary>
    private sealed class PostRoute
    {
        public PostRoute(RouteEndpoint endpoint)
        {
            Endpoint = endpoint;
            Pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            NeedsLogin = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Fields = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
                ? action.Parameters.Where(p => !routeValues.Contains(p.Name)).SelectMany(BoundField.Of).ToList()
                : [];
        }

        public RouteEndpoint Endpoint { get; }

        public string Pattern { get; }

        public bool NeedsLogin { get; }

        /// <summary>What the action binds from the body; empty when it reads the body itself (as /process_payment does).</summary>
        public IReadOnlyList<BoundField> Fields { get; }

        /// <summary>The fields one bad value at a time is put in: the bound ones, or else the usual suspects.</summary>
        public IEnumerable<BoundField> FieldsUnderTest => Fields.Count > 0 ? Fields : ExtraFields.Select(BoundField.Unknown);

        public IEnumerable<string> AllFieldNames => Fields.Select(f => f.Name).Concat(ExtraFields).Distinct(StringComparer.OrdinalIgnoreCase);

        /// <summary>A body that would be accepted: the bound fields filled well (only those: unknown ones would be ignored).</summary>
        public Dictionary<string, string> GoodValues() =>
            FieldsUnderTest.ToDictionary(f => f.Name, f => GoodValue(f.Name), StringComparer.OrdinalIgnoreCase);

        /// <summary>The route's path: as is when it takes no parameters, else once per hostile value in every parameter.</summary>
        public IEnumerable<FuzzPath> Paths(World world)
        {
            if (Endpoint.RoutePattern.Parameters.Count == 0)
            {
                return [new FuzzPath(Pattern, Hostile: false, Value: "")];
            }

            string[] values =
            [
                world.AidosOrderNumber, $"{world.AidosOrderId}", "ORD-00000000-NOPE", "999999999", "99999999999999999999",
                "-1", "0", "abc", "1; DROP TABLE Orders", "../../etc/passwd",
            ];
            return values.Select(v => new FuzzPath(Fill(v), Hostile: true, Value: v));
        }

        private string Fill(string value)
        {
            var path = new StringBuilder();
            foreach (var segment in Endpoint.RoutePattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternSeparatorPart separator => separator.Content,
                        RoutePatternParameterPart => Uri.EscapeDataString(value),
                        _ => "",
                    });
                }
            }

            return path.ToString();
        }

        private static string GoodValue(string field) => field.ToUpperInvariant() switch
        {
            "CARD_ID" => $"{SeededCards.DemoKaspiGold}",
            "PRODUCTID" or "PRODUCT_ID" => "1",
            "QUANTITY" => "2",
            "FULLNAME" => "Айгерім Фаззер",
            "PHONE" => "+7 701 555 00 11",
            "DELIVERYADDRESS" => "Алматы қ., Фаззер көшесі 1",
            "EMAIL" => "fuzz.new@checkout.local",
            "PASSWORD" or "CONFIRMPASSWORD" => "Fuzz2026!x",
            "RETURNURL" => "/main",
            "STATUS" => "shipped",
            "REASON" => "broken on arrival",
            "PAYMENT_METHOD" => "card",
            _ => "1",
        };
    }

    private sealed record FuzzPath(string Path, bool Hostile, string Value);

    /// <summary>A field an action binds. Free text (a name, an address) is valid whatever it says within its length.</summary>
    private sealed record BoundField(string Name, bool FreeText, bool Nullable, int? MaxLength)
    {
        private static readonly Type[] NoFormat = [typeof(RequiredAttribute), typeof(StringLengthAttribute), typeof(MaxLengthAttribute), typeof(DataTypeAttribute)];

        public static BoundField Unknown(string name) => new(name, FreeText: false, Nullable: false, MaxLength: null);

        public static IEnumerable<BoundField> Of(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor parameter)
        {
            var type = parameter.ParameterType;
            if (type == typeof(CancellationToken))
            {
                return [];
            }

            var nullability = new NullabilityInfoContext();
            if (type == typeof(string) || type.IsValueType)
            {
                return parameter is ControllerParameterDescriptor { ParameterInfo: var info }
                    ? [Field(parameter.Name, type, info.GetCustomAttributes<ValidationAttribute>(), nullability.Create(info))]
                    : [Unknown(parameter.Name)];
            }

            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<BindNeverAttribute>() is null)
                .Select(p => Field(p.Name, p.PropertyType, p.GetCustomAttributes<ValidationAttribute>(), nullability.Create(p)));
        }

        private static BoundField Field(string name, Type type, IEnumerable<ValidationAttribute> attributes, NullabilityInfo nullability)
        {
            var list = attributes.ToList();
            return new BoundField(
                name,
                FreeText: type == typeof(string) && list.All(a => NoFormat.Contains(a.GetType())),
                Nullable: nullability.WriteState == NullabilityState.Nullable,
                MaxLength: list.OfType<StringLengthAttribute>().Select(a => (int?)a.MaximumLength).FirstOrDefault());
        }

        /// <summary>The bad values worth putting in this field: for free text only the empty and the too long.</summary>
        public IEnumerable<string> BadValues()
        {
            var values = FreeText ? [""] : HostileValues.AsEnumerable();
            if (MaxLength is { } max)
            {
                values = values.Append(new string('я', max + 1));
            }

            return values.Where(v => !(Nullable && v.Length == 0));
        }
    }

    /// <summary>One visitor's pass over the routes: sends each case, checks the answer and the database, keeps every failure.</summary>
    private sealed class Run(ShopFactory shop, World world, Shopper visitor, string token, bool signedIn)
    {
        private const int OversizedBytes = 1_200_000;

        private readonly List<string> _failures = [];

        private readonly List<Regex> _messages = ResourceMessages(shop);

        private DatabaseSnapshot? _before;

        private int _cases;

        private readonly SortedSet<string> _routes = new(StringComparer.Ordinal);

        public string Token { get; } = token;

        private string Who => signedIn ? "demo" : "guest";

        public async Task StartAsync() => _before = await DatabaseSnapshot.ReadAsync(shop);

        public async Task TokenCasesAsync(PostRoute route, FuzzPath path)
        {
            var tampered = Token[..(Token.Length / 2)] + (Token[Token.Length / 2] == 'A' ? 'B' : 'A') + Token[(Token.Length / 2 + 1)..];
            (string Name, string? Value)[] tokens =
            [
                ("no token", null), ("empty token", ""), ("garbled token", "CfDJ8-not-a-token"), ("tampered token", tampered),
                ("aidos's token with this session's cookies", world.AidosToken),
            ];
            foreach (var (name, value) in tokens)
            {
                await SendAsync(route, path, $"form, {name}", Form(route.GoodValues(), value), headerToken: null);
                await SendAsync(route, path, $"json, {name}", Json(JsonSerializer.Serialize(route.GoodValues().ToDictionary(f => f.Key, f => JsonValue(f.Value)))), value);
            }
        }

        /// <summary>A path that names someone else's or no object: refused whatever the body, even a well-formed one.</summary>
        public async Task HostilePathCasesAsync(PostRoute route, FuzzPath path)
        {
            await SendAsync(route, path, "valid token, empty form", Form([], Token), headerToken: null);
            await SendAsync(route, path, "valid token, well-formed form", Form(route.GoodValues(), Token), headerToken: null);
            await SendAsync(route, path, "valid token, every field \"abc\"", Form(route.AllFieldNames.ToDictionary(f => f, _ => "abc"), Token), headerToken: null);
            await SendAsync(route, path, "valid token, json {}", Json("{}"), Token);
        }

        public async Task JsonCasesAsync(PostRoute route, FuzzPath path, bool oversized)
        {
            string[] raw =
            [
                "{\"card_id\": 1,", "{card_id: 1}", "[1]", "\"1\"", "null", "{\"card_id\": {\"id\": 1}}", "{\"card_id\": [1]}", "",
            ];
            foreach (var body in raw)
            {
                await SendAsync(route, path, $"json {Shorten(body)}", Json(body), Token);
            }

            string[] values = ["9999999999999999999", "1e400", "-1", "0", "\"abc\"", "\"1; DROP TABLE Cards\"", "\"../../etc/passwd\"", "\"\""];
            foreach (var value in values)
            {
                var body = "{" + string.Join(", ", route.AllFieldNames.Select(f => $"\"{f}\": {value}")) + "}";
                await SendAsync(route, path, $"json, every field {value}", Json(body), Token);
            }

            if (route.FieldsUnderTest.Any(f => f.Name == "card_id"))
            {
                await SendAsync(route, path, "json, aidos's card", Json($"{{\"card_id\": {SeededCards.AidosKaspiGold}}}"), Token);
            }

            using var empty = new ByteArrayContent([]);
            await SendAsync(route, path, "empty body, no content type", empty, Token);
            if (oversized)
            {
                var good = route.GoodValues().ToDictionary(f => f.Key, f => JsonValue(f.Value));
                good["pad"] = new string('x', OversizedBytes);
                await SendAsync(route, path, "json, otherwise well-formed, over 1 MB", Json(JsonSerializer.Serialize(good)), Token);
            }
        }

        public async Task FormCasesAsync(PostRoute route, FuzzPath path, bool perField, bool oversized)
        {
            foreach (var value in HostileValues)
            {
                await SendAsync(route, path, $"form, every field \"{Shorten(value)}\"", Form(route.AllFieldNames.ToDictionary(f => f, _ => value), Token), headerToken: null);
            }

            await SendAsync(route, path, "form, empty body", Form([], Token), headerToken: null);
            if (!perField)
            {
                return;
            }

            foreach (var field in route.FieldsUnderTest)
            {
                foreach (var value in field.BadValues())
                {
                    // With bound fields the others are filled well, so only this one is wrong; a route that reads the
                    // body itself gets the field alone.
                    var fields = route.Fields.Count > 0 ? route.GoodValues() : [];
                    fields[field.Name] = value;
                    await SendAsync(route, path, $"form, {field.Name}=\"{Shorten(value)}\"", Form(fields, Token), headerToken: null);
                }
            }

            if (route.FieldsUnderTest.Any(f => f.Name == "card_id"))
            {
                await SendAsync(route, path, "form, aidos's card", Form(new() { ["card_id"] = $"{SeededCards.AidosKaspiGold}" }, Token), headerToken: null);
            }

            if (oversized)
            {
                var padded = route.GoodValues();
                padded["pad"] = new string('x', OversizedBytes);
                await SendAsync(route, path, "form, otherwise well-formed, over 1 MB", Form(padded, Token), headerToken: null);
            }
        }

        /// <summary>Sends one case; <paramref name="headerToken"/> goes in the RequestVerificationToken header (null: no header).</summary>
        public async Task SendAsync(PostRoute route, FuzzPath path, string name, HttpContent content, string? headerToken)
        {
            using (content)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path.Path, UriKind.Relative)) { Content = content };
                if (headerToken is not null)
                {
                    request.Headers.Add("RequestVerificationToken", headerToken);
                }

                // A refused oversized body is answered before it is sent, not cut off halfway (which the client reports as an error).
                request.Headers.ExpectContinue = content.Headers.ContentLength > 64 * 1024;

                await SendAsync(route, path, name, request);
            }
        }

        private async Task SendAsync(PostRoute route, FuzzPath path, string name, HttpRequestMessage request)
        {
            _cases++;
            _routes.Add(route.Pattern);
            var label = $"{Who} POST {path.Path} [{name}]";
            HttpResponseMessage response;
            try
            {
                response = await visitor.Http.SendAsync(request);
            }
            catch (Exception thrown) // the in-memory server hands back what the shop failed to handle
            {
                _failures.Add($"{label}: the request threw {thrown.GetType().Name}: {thrown.Message}");
                return;
            }

            using (response)
            {
                if (await ProblemAsync(route, response) is { } problem)
                {
                    _failures.Add($"{label}: {problem}");
                }
            }

            var after = await DatabaseSnapshot.ReadAsync(shop);
            var changes = after.ChangesSince(_before!);
            if (changes.Count > 0)
            {
                _failures.Add($"{label}: changed the database: {string.Join("; ", changes.Take(4))}");
            }

            _before = after;
        }

        private async Task<string?> ProblemAsync(PostRoute route, HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            if (status is 302 or 303 && !signedIn && route.NeedsLogin
                && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal)))
            {
                return null; // the sign-in challenge: see the exceptions above
            }

            var body = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500)
            {
                return $"answered {status}{(location.Length > 0 ? $" → {location}" : "")} {Shorten(Text(body))}";
            }

            if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
            {
                return $"{status} shows a stack trace: {Shorten(body)}";
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType == "application/json")
            {
                try
                {
                    using var json = JsonDocument.Parse(body);
                    var root = json.RootElement;
                    var state = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) ? s.GetString() : null;
                    var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m) ? m.GetString() : null;
                    return state == "error" && IsShopMessage(message)
                        ? null
                        : $"{status} JSON is not the error envelope with a message of the shop's: {Shorten(body)}";
                }
                catch (JsonException)
                {
                    return $"{status} with unreadable JSON: {Shorten(body)}";
                }
            }

            if (mediaType != "text/html")
            {
                return $"{status} with no message ({mediaType ?? "no content type"}, {body.Length} chars)";
            }

            var page = await new HtmlParser().ParseDocumentAsync(body);
            var shown = page.QuerySelectorAll("[role=alert]:not([hidden]), .validation-summary-errors li, .field-validation-error, section[data-status-code] h1")
                .Select(e => Normalize(e.TextContent))
                .Where(t => t.Length > 0)
                .ToList();
            if (shown.Count == 0)
            {
                return $"{status} page shows no error message: {Shorten(Text(body))}";
            }

            var foreign = shown.Where(t => !IsShopMessage(t)).ToList();
            return foreign.Count == 0 ? null : $"{status} page shows a message not from the shop's resources: «{string.Join("», «", foreign)}»";
        }

        /// <summary>A sign-out or a sign-in as someone else would be a change the database doesn't show.</summary>
        public async Task StillSignedInAsync(PostRoute route, string email, string password)
        {
            using var profile = await visitor.Http.GetAsync(new Uri("/account/profile", UriKind.Relative));
            var page = await profile.Content.ReadAsStringAsync();
            if (profile.StatusCode == HttpStatusCode.OK && page.Contains(email, StringComparison.Ordinal))
            {
                return;
            }

            _failures.Add($"{Who} POST {route.Pattern}: afterwards the shopper is no longer signed in as {email} ({(int)profile.StatusCode})");
            await visitor.LoginAsync(email, password);
            _before = await DatabaseSnapshot.ReadAsync(shop);
        }

        public string Summary => $"{Who}: {_cases} cases over {_routes.Count} routes ({string.Join(", ", _routes)}), {_failures.Count} failed";

        public void Report()
        {
            _cases.Should().BeGreaterThan(100, "the fuzzer must have sent its cases");
            _failures.Should().BeEmpty($"every bad request must get a 4xx with a message and change nothing; {_failures.Count} of {_cases} cases failed:\n{string.Join("\n", _failures)}\n");
        }

        private bool IsShopMessage(string? message) =>
            !string.IsNullOrWhiteSpace(message) && _messages.Any(m => m.IsMatch(Normalize(message)));

        private static List<Regex> ResourceMessages(ShopFactory shop)
        {
            var culture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo("kk-KZ");
            try
            {
                var text = shop.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
                return text.GetAllStrings(includeParentCultures: true)
                    .Select(s => Normalize(s.Value))
                    .Where(v => v.Length > 0)
                    .Select(v => new Regex("^" + Regex.Replace(Regex.Escape(v), @"\\\{\d+(:[^}]*)?}", ".+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                    .ToList();
            }
            finally
            {
                CultureInfo.CurrentUICulture = culture;
            }
        }

        private static object JsonValue(string value) => long.TryParse(value, out var number) ? number : value;

        private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

        private static string Text(string html) => Normalize(Regex.Replace(html, "<[^>]*>", " "));

        private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
    }

}
