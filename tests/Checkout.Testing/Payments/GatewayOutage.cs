using System.Net;

namespace Checkout.Testing.Payments;

/// <summary>Takes the gateway down for the shop's adapter and brings it back: while <see cref="Down"/>, every call is answered 503.</summary>
public sealed class GatewayOutage
{
    private volatile bool _down;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>How many calls the outage answered.</summary>
    public int Refused => _refused;

    private int _refused;

    internal sealed class Handler(GatewayOutage outage) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!outage.Down)
            {
                return base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref outage._refused);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
        }
    }
}
