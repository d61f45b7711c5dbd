namespace Checkout.Web.Features.Orders;

public enum TransitionOutcome
{
    Done,
    NotFound,

    /// <summary>The state machine has no such step from the order's state, or this person may not take it.</summary>
    Illegal,

    /// <summary>Someone else moved the order first (a concurrent request): nothing of this one happened.</summary>
    Lost,
    ReturnAlreadyRequested,
    ReturnReasonRequired,
    NoPendingReturn,
}

/// <summary>The outcome of a transition; <see cref="Status"/> is the order's state afterwards (or as found).</summary>
public sealed record TransitionResult(TransitionOutcome Outcome, string? Status = null, string? Requested = null)
{
    public bool Succeeded => Outcome == TransitionOutcome.Done;
}
