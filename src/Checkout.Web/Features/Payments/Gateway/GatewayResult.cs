namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>The gateway's answer (<see cref="Value"/>), or why there is none (<see cref="Failure"/>, with the gateway's message if it gave one).</summary>
public sealed record GatewayResult<T>(T? Value, GatewayFailure? Failure = null, string? Message = null)
    where T : class
{
    public bool Succeeded => Failure is null;

    public static GatewayResult<T> Ok(T value) => new(value);

    public static GatewayResult<T> Failed(GatewayFailure failure, string? message = null) => new(null, failure, message);
}
