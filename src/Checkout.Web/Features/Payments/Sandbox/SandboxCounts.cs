namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// What the sandbox's notifications did, kept with its books (<c>GET /sandbox/cloudpayments/stats</c>): the numbers a
/// chaos run is reported with. Used both as the totals and as the increments one change adds to them.
/// </summary>
public sealed record SandboxCounts
{
    /// <summary>Notifications the sandbox had to send (Pay, Fail, Refund), before chaos touched them.</summary>
    public long Notifications { get; init; }

    /// <summary>Copies queued beyond the first, by the duplicate chaos.</summary>
    public long Duplicated { get; init; }

    public long Dropped { get; init; }

    public long Delayed { get; init; }

    public long Reordered { get; init; }

    /// <summary>Posts to the shop (first attempts and retries, Check not included).</summary>
    public long Attempts { get; init; }

    /// <summary>Posts the shop answered with code 0.</summary>
    public long Delivered { get; init; }

    public long Retried { get; init; }

    public long GivenUp { get; init; }

    public long Checks { get; init; }

    /// <summary>Check notifications the shop didn't answer with code 0 (the payment was declined).</summary>
    public long ChecksRefused { get; init; }

    /// <summary>Waiting in the queue now.</summary>
    public long Queued { get; init; }

    public IEnumerable<(string Name, long Value)> Increments() =>
        Fields().Where(f => f.Value != 0 && f.Name != nameof(Queued));

    public static SandboxCounts From(IReadOnlyDictionary<string, long> values)
    {
        long Get(string name) => values.TryGetValue(name, out var value) ? value : 0;
        return new SandboxCounts
        {
            Notifications = Get(nameof(Notifications)), Duplicated = Get(nameof(Duplicated)), Dropped = Get(nameof(Dropped)),
            Delayed = Get(nameof(Delayed)), Reordered = Get(nameof(Reordered)), Attempts = Get(nameof(Attempts)), Delivered = Get(nameof(Delivered)),
            Retried = Get(nameof(Retried)), GivenUp = Get(nameof(GivenUp)), Checks = Get(nameof(Checks)), ChecksRefused = Get(nameof(ChecksRefused)),
        };
    }

    private IEnumerable<(string Name, long Value)> Fields() =>
    [
        (nameof(Notifications), Notifications), (nameof(Duplicated), Duplicated), (nameof(Dropped), Dropped), (nameof(Delayed), Delayed),
        (nameof(Reordered), Reordered), (nameof(Attempts), Attempts), (nameof(Delivered), Delivered), (nameof(Retried), Retried),
        (nameof(GivenUp), GivenUp), (nameof(Checks), Checks), (nameof(ChecksRefused), ChecksRefused), (nameof(Queued), Queued),
    ];
}
