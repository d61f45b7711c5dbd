using System.Net;

namespace Checkout.Testing;

/// <summary>The JSON a payment answers with, read into its parts (and kept whole, for failure messages).</summary>
public sealed record PaymentAnswer(HttpStatusCode Status, string State, string Message, long? NewBalance, long? TotalPaid,
    string? OrderNumber, string Json);
