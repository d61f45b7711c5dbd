using Checkout.Web.Features.Payments.Gateway;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// Decides, as each notification is queued, what the chaos settings do to it. Every notification draws the same four
/// numbers from one generator whatever the rates, so with a <see cref="SandboxChaosOptions.Seed"/> the same sequence of
/// payments meets the same fate on every run.
/// </summary>
public sealed class SandboxChaos(IOptions<SandboxOptions> options)
{
    private readonly Random _random = options.Value.Chaos.Seed is { } seed ? new Random(seed) : new Random();

    private readonly Lock _draw = new();

    public (IReadOnlyList<SandboxQueuedNotification> Queue, SandboxCounts Counts) Plan(NotificationKind kind, string invoiceId, string body, DateTime now)
    {
        var chaos = options.Value.Chaos;
        double drop, duplicate, delay, delayShare, reorder;
        lock (_draw)
        {
            (drop, duplicate, delay, delayShare, reorder) = (_random.NextDouble(), _random.NextDouble(), _random.NextDouble(), _random.NextDouble(), _random.NextDouble());
        }

        var counts = new SandboxCounts { Notifications = 1 };
        if (drop < chaos.DropRate)
        {
            return ([], counts with { Dropped = 1 });
        }

        var due = now;
        if (delay < chaos.DelayRate)
        {
            due += chaos.MaxDelay * delayShare;
            counts = counts with { Delayed = 1 };
        }

        var held = kind == NotificationKind.Fail && reorder < chaos.ReorderRate;
        if (held)
        {
            counts = counts with { Reordered = 1 };
        }

        var copies = duplicate < chaos.DuplicateRate ? chaos.DuplicateCopies : 1;
        if (copies > 1)
        {
            counts = counts with { Duplicated = copies - 1 };
        }

        var queue = Enumerable.Range(0, copies)
            .Select(_ => new SandboxQueuedNotification(0, kind, invoiceId, body, due, 0, held, held ? due + chaos.ReorderHold : null))
            .ToList();
        return (queue, counts);
    }
}
