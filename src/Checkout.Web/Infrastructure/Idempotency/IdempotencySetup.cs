namespace Checkout.Web.Infrastructure.Idempotency;

public static class IdempotencySetup
{
    /// <summary>The <c>Idempotency-Key</c> handling: its settings (section <c>Idempotency</c>, checked at start) and the request's claim.</summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Retention >= TimeSpan.FromDays(1), "Idempotency:Retention must be at least a day (1.00:00:00).")
            .Validate(o => o.Lease > TimeSpan.Zero, "Idempotency:Lease must be positive.")
            .ValidateOnStart();
        return services.AddScoped<IdempotencyClaim>();
    }
}
