using System.Net;
using System.Text;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.Payments;

/// <summary>Where the sandbox may run: Development and tests; Production refuses to start with it, and disabled it isn't there at all.</summary>
public sealed class SandboxStartupTests
{
    [Theory]
    [InlineData("Payments:Sandbox:Enabled", "true", "Payments:Sandbox:Enabled must be false in Production")]
    [InlineData("Payments:CloudPayments:BaseUrl", "https://shop.kz/sandbox/cloudpayments/", "Payments:CloudPayments:BaseUrl points at the sandbox")]
    public void Production_refuses_to_start_with_the_sandbox_configured(string key, string value, string refusal)
    {
        using var shop = Production(new() { [key] = value });

        var start = () => shop.Server;

        Messages(Record.Exception(start)).Should().Contain(refusal);
    }

    [Fact]
    public void Production_with_the_real_gateway_and_no_sandbox_has_no_complaint_about_either()
    {
        using var shop = Production(new());

        var start = () => shop.Server;

        // It still stops for what a test can't give it (the data-protection certificate), but not for payments.
        var failure = Messages(Record.Exception(start));
        failure.Should().Contain("DataProtection:").And.NotContain("Payments:");
    }

    [Fact]
    public async Task Disabled_the_sandbox_has_no_routes_and_answers_nothing()
    {
        using var shop = new ShopFactory { Settings = { ["Payments:Sandbox:Enabled"] = "false" } };
        using var http = shop.CreateClient();

        using var page = await http.GetAsync(new Uri("/sandbox/cloudpayments/pay/abc", UriKind.Relative));
        using var api = await http.PostAsync(new Uri("/sandbox/cloudpayments/orders/create", UriKind.Relative),
            new StringContent("{}", Encoding.UTF8, "application/json"));

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        api.StatusCode.Should().Be(HttpStatusCode.NotFound);
        shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Should().NotContain(e => e.RoutePattern.RawText!.Contains("sandbox", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_tests_the_sandbox_is_there_and_its_page_answers()
    {
        using var sandbox = new SandboxShop();
        using var http = sandbox.Shop.CreateClient();

        using var unknown = await http.GetAsync(new Uri("/sandbox/cloudpayments/pay/no-such-invoice", UriKind.Relative));

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        sandbox.Shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Should().Contain(["/sandbox/cloudpayments/orders/create", "/sandbox/cloudpayments/payments/find", "/sandbox/cloudpayments/payments/refund",
                "/sandbox/cloudpayments/payments/tokens/charge", "/sandbox/cloudpayments/pay/{id}"]);
    }

    [Fact]
    public async Task Without_credentials_the_shop_starts_and_sends_nothing_to_the_gateway()
    {
        using var shop = new ShopFactory
        {
            Settings = { ["Payments:CloudPayments:PublicId"] = "", ["Payments:CloudPayments:ApiSecret"] = "", ["Payments:Sandbox:Enabled"] = "false" },
        };

        var created = await shop.Services.GetRequiredService<IPaymentGateway>().CreatePaymentAsync(
            new GatewayPaymentRequest("INV-OFF", Money.FromTenge(1_500), "KZT", "Тапсырыс", null, new Uri("http://localhost/payment/return"), false),
            CancellationToken.None);

        created.Failure.Should().Be(GatewayFailure.NotConfigured);
    }

    [Theory]
    [InlineData("Payments:CloudPayments:BaseUrl", "api.cloudpayments.ru")]
    [InlineData("Payments:CloudPayments:PublicId", " ")]
    [InlineData("Payments:CloudPayments:ApiSecret", "")]
    [InlineData("Payments:CloudPayments:Timeout", "00:00:00")]
    [InlineData("Payments:Sandbox:NotifyUrl", "/payments/cloudpayments/")]
    [InlineData("Payments:Sandbox:FirstRetryDelay", "00:00:00")]
    [InlineData("Payments:Sandbox:MaxRetryDelay", "00:00:00.010")]
    [InlineData("Payments:Sandbox:MaxAttempts", "0")]
    [InlineData("Payments:Sandbox:PollInterval", "-00:00:01")]
    [InlineData("Payments:Sandbox:Chaos:DropRate", "1.5")]
    [InlineData("Payments:Sandbox:Chaos:DuplicateCopies", "1")]
    public void A_bad_payments_setting_stops_the_start_naming_its_key(string key, string value)
    {
        using var shop = new ShopFactory { Settings = { [key] = value } };

        var start = () => shop.Server;

        Messages(Record.Exception(start)).Should().Contain(key);
    }

    private static ShopFactory Production(Dictionary<string, string> settings)
    {
        settings["environment"] = "Production";
        settings["Payments:CloudPayments:PublicId"] = "pk_live";
        settings["Payments:CloudPayments:ApiSecret"] = "live-secret";
        settings.TryAdd("Payments:CloudPayments:BaseUrl", "https://api.cloudpayments.ru/");
        settings.TryAdd("Payments:Sandbox:Enabled", "false");
        return new ShopFactory { Settings = settings };
    }

    private static string Messages(Exception? failure) => failure is null ? "(the shop started)" :
        failure is AggregateException all
            ? string.Join(" | ", all.InnerExceptions.Select(Messages))
            : failure.Message + (failure.InnerException is { } inner ? " | " + Messages(inner) : "");
}
