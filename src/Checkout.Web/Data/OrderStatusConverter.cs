using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Checkout.Web.Data;

/// <summary>
/// Stores an <see cref="OrderStatus"/> as today's lowercase name ("return_requested"). A name this code doesn't know
/// reads as <see cref="OrderStatus.Unknown"/> (the page says so and allows nothing) instead of failing every list it is in;
/// writing <see cref="OrderStatus.Unknown"/> throws, so the stored name is never overwritten by a guess.
/// </summary>
public sealed class OrderStatusConverter() : ValueConverter<OrderStatus, string>(
    status => OrderStatusNames.ToStored(status),
    name => OrderStatusNames.Parse(name));
