using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Features.Payments.Sandbox;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Payments;

public static class PaymentsSetup
{
    /// <summary>
    /// Online card payments: the gateway (CloudPayments, section <c>Payments:CloudPayments</c>, checked at start) and, in
    /// Development and tests, the sandbox that stands in for it (<c>Payments:Sandbox</c>). Production refuses to start
    /// with the sandbox enabled or the gateway's address pointing at one.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        services.AddOptions<CloudPaymentsOptions>().BindConfiguration(CloudPaymentsOptions.Section)
            .PostConfigure(o =>
            {
                // A base address without the final slash would lose its last segment when the API's paths are added to it.
                if (!string.IsNullOrWhiteSpace(o.BaseUrl) && !o.BaseUrl.EndsWith('/'))
                {
                    o.BaseUrl += "/";
                }
            })
            .Validate(o => IsWebUrl(o.BaseUrl), "Payments:CloudPayments:BaseUrl must be the gateway API's absolute http(s) address, e.g. https://api.cloudpayments.ru/.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicId) == string.IsNullOrWhiteSpace(o.ApiSecret),
                "Payments:CloudPayments:PublicId and Payments:CloudPayments:ApiSecret go together: both (the site's credentials from the gateway's dashboard), or neither (no online payments).")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Payments:CloudPayments:Timeout must be positive.")
            .Validate(o => !environment.IsProduction() || !SandboxRoutes.IsSandbox(o.BaseUrl),
                $"Payments:CloudPayments:BaseUrl points at the sandbox ({SandboxRoutes.Prefix}): Production must use the real gateway.")
            .ValidateOnStart();
        services.AddOptions<OnlinePaymentOptions>().BindConfiguration(OnlinePaymentOptions.Section)
            .Validate(o => o.PaymentWindow > TimeSpan.Zero, "Payments:PaymentWindow must be positive.")
            .Validate(o => o.SyncAfter >= TimeSpan.Zero, "Payments:SyncAfter must not be negative.")
            .Validate(o => o.JobInterval > TimeSpan.Zero, "Payments:JobInterval must be positive.")
            .ValidateOnStart();
        services.AddHttpClient<IPaymentGateway, CloudPaymentsGateway>(CloudPaymentsGateway.HttpClientName,
            (provider, client) => CloudPaymentsGateway.Configure(client, provider.GetRequiredService<IOptions<CloudPaymentsOptions>>().Value));
        services.AddScoped<PaymentSettlement>();
        services.AddScoped<PaymentNotifications>();
        services.AddScoped<SavedCards>();
        services.AddScoped<OneClickPayment>();
        services.AddSingleton<Outbox.IOutboxHandler, GatewayRefunds>();
        return services.AddPaymentSandbox(configuration, environment, dataDirectory);
    }

    internal static bool IsWebUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";
}
