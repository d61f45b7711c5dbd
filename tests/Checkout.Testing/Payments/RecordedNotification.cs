using System.Text;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Checkout.Testing.Payments;

/// <summary>A notification as it reached the shop: the raw body bytes, the headers, when (on the shop's clock) and the code it was answered with.</summary>
public sealed record RecordedNotification(NotificationKind Kind, byte[] Body, IHeaderDictionary Headers, DateTime ReceivedUtc, int AnsweredCode)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>A field of the form body, decoded.</summary>
    public string? this[string field] => QueryHelpers.ParseQuery(Text).TryGetValue(field, out var value) ? value.ToString() : null;
}
