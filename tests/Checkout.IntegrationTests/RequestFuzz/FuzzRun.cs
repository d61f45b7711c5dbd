using System.Net;
using System.Text.Json;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>One visitor's pass over the routes: sends each case, checks the answer and the database, keeps every failure.</summary>
internal sealed class FuzzRun(ShopFactory shop, FuzzWorld world, Shopper visitor, string token, bool signedIn)
{
    private readonly List<string> _failures = [];

    private readonly ShopAnswerRule _rule = new(shop);

    private DatabaseSnapshot? _before;

    private int _cases;

    private readonly SortedSet<string> _routes = new(StringComparer.Ordinal);

    public string Token { get; } = token;

    private string Who => signedIn ? "demo" : "guest";

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
            await SendAsync(route, path, $"json, {name}", Shopper.Json(JsonSerializer.Serialize(route.GoodValues().ToDictionary(f => f.Key, f => JsonValue(f.Value)))), value);
        }
    }

    /// <summary>A path that names someone else's or no object: refused whatever the body, even a well-formed one.</summary>
    public async Task HostilePathCasesAsync(PostRoute route, FuzzPath path)
    {
        await SendAsync(route, path, "valid token, empty form", Form([], Token), headerToken: null);
        await SendAsync(route, path, "valid token, well-formed form", Form(route.GoodValues(), Token), headerToken: null);
        await SendAsync(route, path, "valid token, every field \"abc\"", Form(route.AllFieldNames.ToDictionary(f => f, _ => "abc"), Token), headerToken: null);
        await SendAsync(route, path, "valid token, json {}", Shopper.Json("{}"), Token);
    }

    public async Task JsonCasesAsync(PostRoute route, FuzzPath path, bool oversized)
    {
        foreach (var body in HostileInputs.RawJsonBodies)
        {
            await SendAsync(route, path, $"json {ShopAnswerRule.Shorten(body)}", Shopper.Json(body), Token);
        }

        foreach (var value in HostileInputs.JsonValues)
        {
            var body = "{" + string.Join(", ", route.AllFieldNames.Select(f => $"\"{f}\": {value}")) + "}";
            await SendAsync(route, path, $"json, every field {value}", Shopper.Json(body), Token);
        }

        if (route.FieldsUnderTest.Any(f => f.Name == "card_id"))
        {
            await SendAsync(route, path, "json, aidos's card", Shopper.Json($"{{\"card_id\": {SeededCards.AidosKaspiGold}}}"), Token);
        }

        using var empty = new ByteArrayContent([]);
        await SendAsync(route, path, "empty body, no content type", empty, Token);
        if (oversized)
        {
            var good = route.GoodValues().ToDictionary(f => f.Key, f => JsonValue(f.Value));
            good["pad"] = new string('x', HostileInputs.OversizedBytes);
            await SendAsync(route, path, "json, otherwise well-formed, over 1 MB", Shopper.Json(JsonSerializer.Serialize(good)), Token);
        }
    }

    public async Task FormCasesAsync(PostRoute route, FuzzPath path, bool perField, bool oversized)
    {
        foreach (var value in HostileInputs.HostileValues)
        {
            await SendAsync(route, path, $"form, every field \"{ShopAnswerRule.Shorten(value)}\"", Form(route.AllFieldNames.ToDictionary(f => f, _ => value), Token), headerToken: null);
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
                await SendAsync(route, path, $"form, {field.Name}=\"{ShopAnswerRule.Shorten(value)}\"", Form(fields, Token), headerToken: null);
            }
        }

        if (route.FieldsUnderTest.Any(f => f.Name == "card_id"))
        {
            await SendAsync(route, path, "form, aidos's card", Form(new() { ["card_id"] = $"{SeededCards.AidosKaspiGold}" }, Token), headerToken: null);
        }

        if (oversized)
        {
            var padded = route.GoodValues();
            padded["pad"] = new string('x', HostileInputs.OversizedBytes);
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
            if (await _rule.ProblemAsync(response, signedIn, route.NeedsLogin, request.Content?.Headers.ContentLength) is { } problem)
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

    /// <summary>
    /// Runs <paramref name="cases"/> on every path of every POST route (but the probes); a signed-in visitor must still be
    /// signed in as themself after each route.
    /// </summary>
    public async Task SweepAsync(Func<PostRoute, IEnumerable<FuzzPath>> paths, Func<PostRoute, FuzzPath, Task> cases)
    {
        _before = await DatabaseSnapshot.ReadAsync(shop);
        foreach (var route in PostRoute.Of(shop).Where(r => !HostileInputs.ProbesOnly.Contains(r.Pattern)))
        {
            foreach (var path in paths(route))
            {
                await cases(route, path);
            }

            if (signedIn)
            {
                await StillSignedInAsync(route, Shopper.DemoEmail, Shopper.DemoPassword);
            }
        }
    }

    public static FormUrlEncodedContent Form(Dictionary<string, string> fields, string? formToken)
    {
        var all = new Dictionary<string, string>(fields);
        if (formToken is not null)
        {
            all["__RequestVerificationToken"] = formToken;
        }

        return new FormUrlEncodedContent(all);
    }

    public string Summary => $"{Who}: {_cases} cases over {_routes.Count} routes ({string.Join(", ", _routes)}), {_failures.Count} failed";

    public void Report()
    {
        _cases.Should().BeGreaterThan(100, "the fuzzer must have sent its cases");
        _failures.Should().BeEmpty($"every bad request must get a 4xx with a message and change nothing; {_failures.Count} of {_cases} cases failed:\n{string.Join("\n", _failures)}\n");
    }

    private static object JsonValue(string value) => long.TryParse(value, out var number) ? number : value;

}
