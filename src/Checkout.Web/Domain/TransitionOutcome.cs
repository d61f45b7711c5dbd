namespace Checkout.Web.Domain;

/// <summary>What an order said to a step it was asked to take: done, or the reason it refused.</summary>
public enum TransitionOutcome
{
    Done,
    NotFound,

    /// <summary>The state machine has no such step from the order's state.</summary>
    Illegal,

    /// <summary>The step exists, but not for this person (a shopper may only cancel; a pending return is decided in the returns queue).</summary>
    NotPermitted,

    /// <summary>Someone else moved the order first (a concurrent request): nothing of this one happened.</summary>
    Lost,
    ReturnAlreadyRequested,
    ReturnReasonRequired,
    NoPendingReturn,
}
