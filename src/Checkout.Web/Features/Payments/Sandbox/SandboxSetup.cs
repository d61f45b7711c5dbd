using Checkout.Web.Features.Payments.Gateway;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Payments.Sandbox;

public static class SandboxSetup
{
    /// <summary>
    /// The CloudPayments sandbox under <see cref="SandboxRoutes.Prefix"/> when <c>Payments:Sandbox:Enabled</c> (Development
    /// and tests): its API and hosted page, its books in <see cref="SandboxOptions.StateFile"/>, and the notifier that
    /// delivers what it owes the shop. Disabled, none of it exists; in Production it may not be enabled.
    /// </summary>
    public static IServiceCollection AddPaymentSandbox(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section)
            .PostConfigure(o =>
            {
                // From the configuration, not the gateway's options: a fault of theirs is reported once, by them.
                var gateway = configuration.GetSection(CloudPaymentsOptions.Section);
                o.PublicId = string.IsNullOrWhiteSpace(o.PublicId) ? gateway[nameof(CloudPaymentsOptions.PublicId)] ?? "" : o.PublicId;
                o.ApiSecret = string.IsNullOrWhiteSpace(o.ApiSecret) ? gateway[nameof(CloudPaymentsOptions.ApiSecret)] ?? "" : o.ApiSecret;
            })
            .Validate(o => !(o.Enabled && environment.IsProduction()),
                "Payments:Sandbox:Enabled must be false in Production: the sandbox charges nothing and accepts test cards.")
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.PublicId) && !string.IsNullOrWhiteSpace(o.ApiSecret)),
                "Payments:Sandbox:PublicId and Payments:Sandbox:ApiSecret (or Payments:CloudPayments') must be set for the sandbox: it checks and signs with them.")
            .Validate(o => !o.Enabled || PaymentsSetup.IsWebUrl(o.NotifyUrl), "Payments:Sandbox:NotifyUrl must be the absolute http(s) address the notifications go to.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.StateFile), "Payments:Sandbox:StateFile must name a file.")
            .Validate(o => o.NotifyTimeout > TimeSpan.Zero, "Payments:Sandbox:NotifyTimeout must be positive.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Payments:Sandbox:PollInterval must be positive.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Payments:Sandbox:FirstRetryDelay must be positive.")
            .Validate(o => o.MaxRetryDelay >= o.FirstRetryDelay, "Payments:Sandbox:MaxRetryDelay must be at least Payments:Sandbox:FirstRetryDelay.")
            .Validate(o => o.MaxAttempts >= 1, "Payments:Sandbox:MaxAttempts must be at least 1.")
            .Validate(o => new[] { o.Chaos.DropRate, o.Chaos.DuplicateRate, o.Chaos.DelayRate, o.Chaos.ReorderRate }.All(r => r is >= 0 and <= 1),
                "Payments:Sandbox:Chaos:DropRate, DuplicateRate, DelayRate and ReorderRate are probabilities from 0 to 1.")
            .Validate(o => o.Chaos.DuplicateCopies is >= 2 and <= 10, "Payments:Sandbox:Chaos:DuplicateCopies must be from 2 to 10.")
            .Validate(o => o.Chaos.MaxDelay >= TimeSpan.Zero, "Payments:Sandbox:Chaos:MaxDelay must not be negative.")
            .Validate(o => o.Chaos.ReorderHold > TimeSpan.Zero, "Payments:Sandbox:Chaos:ReorderHold must be positive.")
            .ValidateOnStart();

        var enabled = configuration.GetValue<bool>($"{SandboxOptions.Section}:{nameof(SandboxOptions.Enabled)}") && !environment.IsProduction();
        services.AddMvcCore().ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new SandboxControllerGate(enabled)));
        if (!enabled)
        {
            return services;
        }

        services.AddSingleton(provider => new SandboxStore(
            Path.GetFullPath(provider.GetRequiredService<IOptions<SandboxOptions>>().Value.StateFile, dataDirectory)));
        services.AddSingleton<SandboxChaos>();
        services.AddSingleton<SandboxPayments>();
        services.AddHttpClient(SandboxNotifier.HttpClientName,
            (provider, client) => client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout);
        services.AddSingleton<SandboxNotifier>();
        return services.AddHostedService(provider => provider.GetRequiredService<SandboxNotifier>());
    }
}
