namespace Checkout.Web.Domain;

/// <summary>
/// One event for one handler, written in the same transaction as the change it reports, so it can't be lost
/// or invented. The worker delivers it at least once, backs off after failures and dead-letters it at last.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What happened, e.g. <c>order.created</c>.</summary>
    public required string Type { get; set; }

    /// <summary>Which handler this copy is for, e.g. <c>email</c>: each handler retries and dead-letters on its own.</summary>
    public required string Handler { get; set; }

    /// <summary>What the event is about (an order number); one message per type, handler and subject.</summary>
    public required string Subject { get; set; }

    public required string Payload { get; set; }

    public DateTime CreatedUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Set by the worker that claimed it; another worker may take it over only after this time.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>The claim of the worker holding it: only that claim may mark it processed or failed.</summary>
    public Guid? LockToken { get; set; }

    public DateTime? ProcessedUtc { get; set; }

    public DateTime? DeadLetteredUtc { get; set; }

    public string? LastError { get; set; }
}
