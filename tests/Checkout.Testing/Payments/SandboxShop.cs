using System.Net;
using AngleSharp.Html.Dom;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Features.Payments.Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Testing.Payments;

/// <summary>
/// The shop with its CloudPayments sandbox, the adapter and the sandbox talking to each other over real HTTP through the
/// in-memory server (or the real port when Kestrel runs), and the sandbox's notifications going to a
/// <see cref="NotificationRecorder"/> (or, with <c>Payments:Sandbox:NotifyUrl</c> set, wherever that says).
/// </summary>
public sealed class SandboxShop : IDisposable
{
    public const string PaidCard = "4242 4242 4242 4242";
    public const string DeclinedCard = "4000 0000 0000 0002";
    public const string InsufficientFundsCard = "4000 0000 0000 9995";

    public SandboxShop(IDictionary<string, string>? settings = null, ShopClock? clock = null, string? stateFile = null)
    {
        Recorder = new NotificationRecorder(() => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        StateFile = stateFile ?? System.IO.Path.Combine(Directory.CreateTempSubdirectory("checkout-sandbox-").FullName, "cloudpayments.db");
        var all = new Dictionary<string, string>
        {
            ["Payments:Sandbox:Enabled"] = "true",
            ["Payments:Sandbox:NotifyUrl"] = $"http://localhost{NotificationRecorder.Path}/",
            ["Payments:Sandbox:StateFile"] = StateFile,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        Shop = new ShopFactory { Settings = all, Clock = clock, TestServices = services => Wire(services, Recorder, Outage) };
    }

    /// <summary>
    /// A shop whose sandbox notifies the shop's own endpoints (<c>/payments/cloudpayments/…</c>), as in Development: the
    /// whole online payment flow, with <paramref name="settings"/> on top.
    /// </summary>
    public static SandboxShop NotifyingTheShop(IDictionary<string, string>? settings = null, ShopClock? clock = null, string? stateFile = null)
    {
        var all = new Dictionary<string, string> { ["Payments:Sandbox:NotifyUrl"] = ShopNotifyUrl };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return new SandboxShop(all, clock, stateFile);
    }

    /// <summary>The shop's own notification endpoints, as the in-memory server is reached.</summary>
    public const string ShopNotifyUrl = "http://localhost/payments/cloudpayments/";

    /// <summary>While down, the adapter's calls to the gateway are answered 503, as a gateway in an outage answers.</summary>
    public GatewayOutage Outage { get; } = new();

    public ShopFactory Shop { get; }

    public NotificationRecorder Recorder { get; }

    /// <summary>The sandbox's SQLite file, outside the shop's data folder, so a test can start the shop again on it.</summary>
    public string StateFile { get; }

    /// <summary>The adapter, as the shop's services make it (typed client: a new one each time, on the factory's handlers).</summary>
    public IPaymentGateway Gateway => Shop.Services.GetRequiredService<IPaymentGateway>();

    public SandboxNotifier Notifier => Shop.Services.GetRequiredService<SandboxNotifier>();

    public static Uri ReturnUrl(string invoiceId) => new($"http://localhost/payment/return?invoice={Uri.EscapeDataString(invoiceId)}");

    /// <summary>Opens a payment as the shop's checkout will: the invoice's amount, a return URL of its own, the shopper's account.</summary>
    public async Task<GatewayPaymentLink> CreatePaymentAsync(string invoiceId, Web.Domain.Money amount, bool saveCard = false, string? accountId = "shopper-1")
    {
        var created = await Gateway.CreatePaymentAsync(new GatewayPaymentRequest(
            invoiceId, amount, TengeAmount.Currency, $"Тапсырыс {invoiceId}", "demo@checkout.local", ReturnUrl(invoiceId), saveCard, accountId), CancellationToken.None);
        created.Failure.Should().BeNull(created.Message);
        return created.Value!;
    }

    /// <summary>
    /// What a shopper does on the hosted page without JavaScript: opens the link, fills the card form, presses «Төлеу»
    /// (a plain form post with the page's antiforgery token). Returns the answer (a redirect to the shop when it went through).
    /// </summary>
    public async Task<HttpResponseMessage> PayOnHostedPageAsync(Uri link, string card, bool saveCard = false, string expiry = "12/30",
        string cvc = "123", string holder = "AIGERIM TESTOVA")
    {
        var submit = await OpenHostedFormAsync(link, card, saveCard, expiry, cvc, holder);
        return await submit();
    }

    /// <summary>Opens the hosted page and fills its form; the returned step presses «Төлеу» (so two tabs can press it at once).</summary>
    public Task<Func<Task<HttpResponseMessage>>> OpenHostedFormAsync(Uri link, string card, bool saveCard = false, string expiry = "12/30",
        string cvc = "123", string holder = "AIGERIM TESTOVA") =>
        OpenHostedFormAsync(Shop.CreateShopper(), link, card, saveCard, expiry, cvc, holder);

    /// <summary>The same in <paramref name="shopper"/>'s browser (a shop in a process of its own, say).</summary>
    public static async Task<Func<Task<HttpResponseMessage>>> OpenHostedFormAsync(Shopper shopper, Uri link, string card, bool saveCard = false,
        string expiry = "12/30", string cvc = "123", string holder = "AIGERIM TESTOVA")
    {
        var page = await shopper.GetPageAsync(link.PathAndQuery);
        var form = page.QuerySelector("form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"{link} shows no card form: {page.Body?.TextContent}");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["CardNumber"] = card;
        fields["CardExpiry"] = expiry;
        fields["CardCvc"] = cvc;
        fields["CardHolder"] = holder;
        if (saveCard)
        {
            fields["SaveCard"] = "true";
        }

        var action = new Uri(form.GetAttribute("action")!, UriKind.Relative);
        return async () =>
        {
            using var content = new FormUrlEncodedContent(fields);
            return await shopper.Http.PostAsync(action, content);
        };
    }

    /// <summary>Pays with a test card and checks the hosted page sent the browser back to the shop.</summary>
    public async Task PayAsync(Uri link, string card, bool saveCard = false)
    {
        using var answer = await PayOnHostedPageAsync(link, card, saveCard);
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
    }

    public void Dispose() => Shop.Dispose();

    /// <summary>The adapter's and the notifier's clients reach the in-memory shop (the sandbox, the recorder); the recorder answers.</summary>
    public static void Wire(IServiceCollection services, NotificationRecorder recorder, GatewayOutage? outage = null)
    {
        services.AddTransient<IStartupFilter>(_ => recorder);
        var adapter = services.AddHttpClient(CloudPaymentsGateway.HttpClientName).ConfigurePrimaryHttpMessageHandler(InMemory);
        if (outage is not null)
        {
            adapter.AddHttpMessageHandler(() => new GatewayOutage.Handler(outage));
        }

        services.AddHttpClient(SandboxNotifier.HttpClientName).ConfigurePrimaryHttpMessageHandler(InMemory);
    }

    private static HttpMessageHandler InMemory(IServiceProvider services) =>
        services.GetRequiredService<IServer>() is TestServer server ? new InMemoryHandler(server) : new SocketsHttpHandler();

    /// <summary>
    /// A fresh in-memory handler for every request: one made while the shop is still starting (the notifier's first pass
    /// after a restart) would stay without the application for the factory's whole handler lifetime.
    /// </summary>
    private sealed class InMemoryHandler(TestServer server) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var invoker = new HttpMessageInvoker(server.CreateHandler());
            return await invoker.SendAsync(request, cancellationToken);
        }
    }
}
