namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// Section <c>Payments:Sandbox:Chaos</c>: what a real gateway's notifications do on a bad day, each with a probability
/// (0–1) drawn per notification from one random generator, seeded by <see cref="Seed"/> so a run can be repeated.
/// </summary>
public sealed class SandboxChaosOptions
{
    /// <summary>The generator's seed; none draws a different sequence on every start.</summary>
    public int? Seed { get; set; }

    /// <summary>A notification is never sent (the shop must find the payment by asking its status).</summary>
    public double DropRate { get; set; }

    /// <summary>A notification is sent <see cref="DuplicateCopies"/> times, each copy retried until answered.</summary>
    public double DuplicateRate { get; set; }

    public int DuplicateCopies { get; set; } = 3;

    /// <summary>A notification waits a random time up to <see cref="MaxDelay"/> before its first attempt (so later ones may overtake it).</summary>
    public double DelayRate { get; set; }

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A Fail is held back until a later notification of its invoice (the Pay of a second attempt) has been sent, or
    /// <see cref="ReorderHold"/> has passed: the shop sees Fail after Pay.
    /// </summary>
    public double ReorderRate { get; set; }

    public TimeSpan ReorderHold { get; set; } = TimeSpan.FromSeconds(10);

    public bool Any => DropRate > 0 || DuplicateRate > 0 || DelayRate > 0 || ReorderRate > 0;
}
