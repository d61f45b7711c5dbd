using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>
/// Marks a money-moving action: an <c>Idempotency-Key</c> makes a repeat of it replay the first answer. With
/// <see cref="Required"/> a request without a key is refused (the API's orders: an app always sends one).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : TypeFilterAttribute
{
    public IdempotentAttribute()
        : base(typeof(IdempotencyFilter)) => Arguments = [false];

    public bool Required
    {
        get => Arguments is [true];
        set => Arguments = [value];
    }
}
