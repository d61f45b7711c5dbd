using System.Net.Mail;
using Checkout.Web.Workers;

namespace Checkout.Web.Outbox;

public static class OutboxSetup
{
    /// <summary>
    /// The transactional outbox: its events, its handlers (the order confirmation mail, the daily sales count) and the
    /// worker that delivers them; sections <c>Outbox</c> and <c>Email</c>, checked at start.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Outbox:PollInterval must be positive.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Outbox:FirstRetryDelay must be positive.")
            .Validate(o => o.MaxRetryDelay >= o.FirstRetryDelay, "Outbox:MaxRetryDelay must be at least Outbox:FirstRetryDelay.")
            .Validate(o => o.MaxAttempts >= 1, "Outbox:MaxAttempts must be at least 1.")
            .Validate(o => o.Lease > TimeSpan.Zero, "Outbox:Lease must be positive.")
            .Validate(o => o.BatchSize >= 1, "Outbox:BatchSize must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .PostConfigure(o =>
            {
                if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
                {
                    o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, dataDirectory);
                }
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory), "Email:PickupDirectory must name a folder.")
            .Validate(o => MailAddress.TryCreate(o.From, out _), "Email:From must be a mail address, e.g. Checkout <no-reply@checkout.local>.")
            .ValidateOnStart();

        services.AddSingleton<IOutboxHandler, OrderConfirmationEmail>();
        services.AddSingleton<IOutboxHandler, DailySalesCounter>();
        services.AddSingleton<OutboxEvents>();
        services.AddSingleton<OutboxWorker>();
        return services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
    }
}
