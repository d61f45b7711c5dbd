using Checkout.Web.Domain;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Orders;

/// <summary>What a refused transition tells the person who asked, in Kazakh, and with which status code.</summary>
public static class TransitionMessages
{
    public static (int Status, string Message) Refusal(TransitionResult result, IStringLocalizer text)
    {
        string Label(OrderStatus? status) => text["Status_" + (status ?? OrderStatus.Unknown).ToName()].Value;
        return result.Outcome switch
        {
            TransitionOutcome.NotFound => (StatusCodes.Status404NotFound, text["NotFound"].Value),
            TransitionOutcome.Illegal or TransitionOutcome.NotPermitted =>
                (StatusCodes.Status409Conflict, text["TransitionRefused", Label(result.Status), Label(result.Requested)].Value),
            TransitionOutcome.Lost => (StatusCodes.Status409Conflict, text["TransitionLost", Label(result.Status)].Value),
            TransitionOutcome.ReturnAlreadyRequested => (StatusCodes.Status409Conflict, text["ReturnAlreadyRequested"].Value),
            TransitionOutcome.ReturnReasonRequired => (StatusCodes.Status400BadRequest, text["ReturnReasonRequired"].Value),
            TransitionOutcome.NoPendingReturn => (StatusCodes.Status409Conflict, text["ReturnNotPending"].Value),
            _ => throw new InvalidOperationException($"{result.Outcome} is not a refusal."),
        };
    }
}
