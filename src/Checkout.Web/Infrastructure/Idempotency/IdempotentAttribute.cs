using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>Marks a money-moving action: an <c>Idempotency-Key</c> makes a repeat of it replay the first answer.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute() : TypeFilterAttribute(typeof(IdempotencyFilter));
