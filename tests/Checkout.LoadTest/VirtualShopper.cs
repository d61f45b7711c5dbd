using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Checkout.Web.Operations;

namespace Checkout.LoadTest;

/// <summary>
/// One browser-like shopper: its own HttpClient and cookies, signed in as <c>loadK@checkout.local</c>, holding the
/// antiforgery token and card id it read from the shop's pages. Redirects are not followed: a 302 is the answer.
/// </summary>
internal sealed partial class VirtualShopper(int number, Uri shop, int productId, bool online) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = shop,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private string token = "";
    private int cardId;
    private int onlinePayments;

    /// <summary>The gateway's test cards (see the sandbox's hosted page).</summary>
    private const string ApprovedCard = "4242 4242 4242 4242";
    private const string DeclinedCard = "4000 0000 0000 0002";

    /// <summary>The order numbers the shop answered 200 for: each must be in the database afterwards, crash or not.</summary>
    public List<string> PaidOrders { get; } = [];

    public string Email { get; } = SeedShoppersCommand.EmailOf(number);

    /// <summary>Signs in, puts the load product in the cart and reads the card id from the payment page.</summary>
    public async Task SignInAsync()
    {
        var loginToken = Token(await GetTextAsync("/account/login"), "/account/login");
        using var login = await PostFormAsync("/account/login", new()
        {
            ["Email"] = Email,
            ["Password"] = SeedShoppersCommand.Password,
            ["__RequestVerificationToken"] = loginToken,
        });
        if (login.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new InvalidOperationException($"{Email} could not sign in: 429, the shop's rate limits refused it (start the shop with RateLimits__Enabled=false)");
        }

        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{Email} could not sign in: {(int)login.StatusCode} (seeded? dotnet run --project src/Checkout.Web -- seed-shoppers N)");
        }

        // The token carries the signed-in user: read it again after login.
        token = Token(await GetTextAsync("/main"), "/main");
        await PutInCartAsync();
        var payment = await GetTextAsync("/payment");
        token = Token(payment, "/payment");
        cardId = int.TryParse(InputValue(payment, "card_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var card)
            ? card
            : online ? 0 : throw new InvalidOperationException($"{Email}: /payment shows no card (input[name=card_id]).");
    }

    /// <summary>Puts one unit in the cart, unmeasured (so GET /cart shows a line).</summary>
    public async Task PutInCartAsync()
    {
        using var added = await AddToCartAsync();
        if (added.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{Email}: POST /cart/add answered {(int)added.StatusCode}.");
        }
    }

    /// <summary>POST /cart/add then POST /process_payment (and, online, the hosted page and the return page), until the deadline.</summary>
    public async Task PayLoopAsync(Run run)
    {
        while (run.Continues)
        {
            var added = await run.TimeAsync(Requests.AddToCart, AddToCartAsync, HttpStatusCode.Redirect);
            if (!added)
            {
                continue;
            }

            string? paymentUrl = null;
            var placed = await run.TimeAsync(Requests.Pay, online ? PayOnlineAsync : PayAsync, HttpStatusCode.OK, async paid =>
            {
                using var answer = JsonDocument.Parse(await paid.Content.ReadAsStringAsync());
                PaidOrders.Add(answer.RootElement.GetProperty("order_number").GetString() ?? "");
                paymentUrl = online && answer.RootElement.TryGetProperty("payment_url", out var url) ? url.GetString() : null;
            });
            if (placed && paymentUrl is { Length: > 0 })
            {
                await PayOnHostedPageAsync(run, new Uri(paymentUrl, UriKind.Absolute));
            }
        }
    }

    /// <summary>
    /// The shopper on the gateway's hosted page: reads its form, pays with the approved card (every tenth payment first
    /// with the declined one, then again on the same page), and follows the redirect back to the shop's return page.
    /// </summary>
    private async Task PayOnHostedPageAsync(Run run, Uri page)
    {
        var pageToken = Token(await GetTextAsync(page), page.AbsolutePath);
        if (++onlinePayments % 10 == 0)
        {
            await run.TimeAsync(Requests.GatewayDecline, () => PostCardAsync(page, pageToken, DeclinedCard), HttpStatusCode.Redirect);
        }

        Uri? back = null;
        await run.TimeAsync(Requests.GatewayPay, () => PostCardAsync(page, pageToken, ApprovedCard), HttpStatusCode.Redirect,
            paid => Task.FromResult(back = paid.Headers.Location is { } location ? new Uri(page, location) : null));
        if (back is not null)
        {
            await run.TimeAsync(Requests.PaymentReturn, () => http.GetAsync(back), HttpStatusCode.OK);
        }
    }

    private async Task<HttpResponseMessage> PostCardAsync(Uri page, string pageToken, string cardNumber)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CardNumber"] = cardNumber,
            ["CardExpiry"] = "12/30",
            ["CardCvc"] = "123",
            ["CardHolder"] = "LOAD SHOPPER",
            ["__RequestVerificationToken"] = pageToken,
        });
        return await http.PostAsync(page, form);
    }

    /// <summary>GET /cart until the deadline.</summary>
    public async Task CartLoopAsync(Run run)
    {
        while (run.Continues)
        {
            await run.TimeAsync(Requests.ViewCart, () => http.GetAsync(new Uri("/cart", UriKind.Relative)), HttpStatusCode.OK);
        }
    }

    private Task<HttpResponseMessage> AddToCartAsync() => PostFormAsync("/cart/add", new()
    {
        ["productId"] = productId.ToString(CultureInfo.InvariantCulture),
        ["quantity"] = "1",
        ["__RequestVerificationToken"] = token,
    });

    /// <summary>As the payment page's script pays: JSON body, token in the RequestVerificationToken header.</summary>
    private async Task<HttpResponseMessage> PayAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/process_payment", UriKind.Relative))
        {
            Content = new StringContent($$"""{"card_id": {{cardId.ToString(CultureInfo.InvariantCulture)}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PayOnlineAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/process_payment", UriKind.Relative))
        {
            Content = new StringContent("""{"payment_method": "online"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private Task<string> GetTextAsync(string path) => GetTextAsync(new Uri(path, UriKind.Relative));

    private async Task<string> GetTextAsync(Uri path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{Email}: GET {path} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return await response.Content.ReadAsStringAsync();
    }

    private string Token(string page, string path) =>
        InputValue(page, "__RequestVerificationToken")
        ?? throw new InvalidOperationException($"{Email}: {path} carries no __RequestVerificationToken.");

    /// <summary>The value of the page's first <c>input</c> with that name (attributes in any order).</summary>
    private static string? InputValue(string page, string name)
    {
        foreach (Match input in InputTag().Matches(page))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (attributes.GetValueOrDefault("name") == name && attributes.TryGetValue("value", out var value))
            {
                return value;
            }
        }

        return null;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\s(?<name>[a-z_-]+)=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}

internal static class Requests
{
    public const string AddToCart = "POST /cart/add";
    public const string Pay = "POST /process_payment";
    public const string ViewCart = "GET /cart";
    public const string GatewayPay = "POST hosted page (paid)";
    public const string GatewayDecline = "POST hosted page (declined)";
    public const string PaymentReturn = "GET /payment/return";
}

/// <summary>One scenario's clock and tallies: requests started after the warm-up are measured, none start after the end.</summary>
internal sealed class Run(TimeSpan warmup, TimeSpan duration)
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, Tally> tallies = [];
    private readonly Lock gate = new();

    public TimeSpan Duration { get; } = duration;

    public bool Continues => Stopwatch.GetElapsedTime(started) < warmup + Duration;

    /// <summary>Successes of a request over the whole run, warm-up included (to compare with the database).</summary>
    public int Succeeded(string request)
    {
        lock (gate)
        {
            return tallies.TryGetValue(request, out var tally) ? tally.AllSucceeded : 0;
        }
    }

    public IReadOnlyList<(string Request, Tally Tally)> Results()
    {
        lock (gate)
        {
            return [.. tallies.Select(t => (t.Key, t.Value))];
        }
    }

    /// <summary>Sends one request and records its latency (successes) or its status code (failures).</summary>
    public async Task<bool> TimeAsync(string request, Func<Task<HttpResponseMessage>> send, HttpStatusCode success,
        Func<HttpResponseMessage, Task>? onSuccess = null)
    {
        var measured = Stopwatch.GetElapsedTime(started) >= warmup;
        var start = Stopwatch.GetTimestamp();
        string? failure;
        string? sample = null;
        try
        {
            using var response = await send();
            failure = response.StatusCode == success ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (failure is not null)
            {
                sample = await response.Content.ReadAsStringAsync();
            }
            else if (onSuccess is not null)
            {
                await onSuccess(response);
            }
        }
        catch (HttpRequestException e)
        {
            failure = "connection";
            sample = e.Message;
        }
        catch (TaskCanceledException e)
        {
            failure = "timeout";
            sample = e.Message;
        }

        var elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        lock (gate)
        {
            if (!tallies.TryGetValue(request, out var tally))
            {
                tallies[request] = tally = new Tally();
            }

            tally.Add(measured, elapsedMs, failure, sample);
        }

        if (failure is "connection")
        {
            await Task.Delay(100); // a shop that is down is not hammered in a tight loop
        }

        return failure is null;
    }
}

/// <summary>Latencies of measured successes (the shared list) and failures by status code.</summary>
internal sealed class Tally
{
    public List<double> LatenciesMs { get; } = [];

    public SortedDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> FirstFailure { get; } = [];

    public int AllSucceeded { get; private set; }

    public void Add(bool measured, double elapsedMs, string? failure, string? sample)
    {
        if (failure is null)
        {
            AllSucceeded++;
            if (measured)
            {
                LatenciesMs.Add(elapsedMs);
            }

            return;
        }

        if (measured)
        {
            Failures[failure] = Failures.GetValueOrDefault(failure) + 1;
            FirstFailure.TryAdd(failure, sample ?? "");
        }
    }

    /// <summary>Nearest-rank percentile of the measured successes, in ms.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
