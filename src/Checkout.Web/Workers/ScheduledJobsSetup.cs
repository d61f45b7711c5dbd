namespace Checkout.Web.Workers;

public static class ScheduledJobsSetup
{
    /// <summary>Every clean-up the shop runs on an interval, and the worker that runs them; sections <c>Jobs:*</c>, checked at start.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddOptions<StaleGuestCartsOptions>().BindConfiguration(StaleGuestCartsOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Jobs:StaleGuestCarts:Interval must be positive.")
            .Validate(o => o.MaxAge > TimeSpan.Zero, "Jobs:StaleGuestCarts:MaxAge must be positive.")
            .ValidateOnStart();
        services.AddOptions<OldIdempotencyKeysOptions>().BindConfiguration(OldIdempotencyKeysOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Jobs:OldIdempotencyKeys:Interval must be positive.")
            .ValidateOnStart();

        services.AddSingleton<IScheduledJob, StaleGuestCarts>();
        services.AddSingleton<IScheduledJob, OldIdempotencyKeys>();
        services.AddSingleton<IScheduledJob, EndedRefreshTokens>();
        services.AddSingleton<IScheduledJob, ExpiredReservations>(); // its interval is Inventory:CleanupInterval
        services.AddSingleton<IScheduledJob, PaymentStatusSync>(); // both on Payments:JobInterval
        services.AddSingleton<IScheduledJob, ExpiredOnlinePayments>();
        services.AddSingleton<ScheduledJobsWorker>();
        return services.AddHostedService(provider => provider.GetRequiredService<ScheduledJobsWorker>());
    }
}
