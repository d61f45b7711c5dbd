using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// Sends the sandbox's notifications to the shop as CloudPayments does: a form post to <see cref="SandboxOptions.NotifyUrl"/>
/// plus the kind (<c>check</c>, <c>pay</c>, <c>fail</c>, <c>refund</c>), signed with the merchant's API secret. Check is sent
/// at once, while the shopper waits; the others go through the queue in the sandbox's file, again and again with
/// exponential backoff until the shop answers <c>{"code":0}</c>, also after a restart of the shop.
/// </summary>
public sealed partial class SandboxNotifier(
    SandboxStore store,
    IHttpClientFactory clients,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<SandboxNotifier> log) : BackgroundService
{
    /// <summary>The name of the factory's client (a test routes it to the in-memory shop).</summary>
    public const string HttpClientName = "CloudPaymentsSandbox";

    private const int BatchSize = 50;

    private readonly SemaphoreSlim _pass = new(1, 1);

    // Set when something was queued; at start the file may hold what the last run still owed. Saves the idle sandbox a
    // look at its file on every tick.
    private volatile bool _mayBeDue = true;

    public void Queued() => _mayBeDue = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                if (_mayBeDue)
                {
                    await DeliverDueAsync(stoppingToken);
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(log, failure); // the file busy for a moment: the next tick tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every notification that is due now on the shop's clock, one pass at a time; returns how many posts it made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var posts = 0;
            while (true)
            {
                var due = await store.DueAsync(clock.GetUtcNow().UtcDateTime, BatchSize, ct);
                if (due.Count == 0)
                {
                    _mayBeDue = false;
                    if (await store.AnyQueuedAsync(ct))
                    {
                        _mayBeDue = true;
                    }

                    return posts;
                }

                foreach (var notification in due)
                {
                    posts++;
                    if (await SendAsync(notification.Kind, notification.Body, ct) == (int)NotificationAnswer.Accept)
                    {
                        await store.DeliveredAsync(notification, ct);
                        continue;
                    }

                    var attempts = notification.Attempts + 1;
                    DateTime? next = attempts >= options.Value.MaxAttempts ? null : clock.GetUtcNow().UtcDateTime + options.Value.RetryDelay(attempts);
                    await store.FailedAttemptAsync(notification, next, ct);
                    if (next is null)
                    {
                        LogGivenUp(log, notification.Kind, notification.InvoiceId, attempts);
                    }
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>The Check notification, while the shopper waits: true when the shop answered code 0 and the payment may go on.</summary>
    public async Task<bool> CheckAsync(string body, CancellationToken ct)
    {
        var accepted = await SendAsync(NotificationKind.Check, body, ct) == (int)NotificationAnswer.Accept;
        await store.CountAsync(new SandboxCounts { Checks = 1, ChecksRefused = accepted ? 0 : 1 }, ct);
        return accepted;
    }

    /// <summary>One signed post; the shop's answer code, or null when there was none to read.</summary>
    private async Task<int?> SendAsync(NotificationKind kind, string body, CancellationToken ct)
    {
        var settings = options.Value;
        var url = new Uri(new Uri(settings.NotifyUrl.EndsWith('/') ? settings.NotifyUrl : settings.NotifyUrl + "/"), kind.ToString().ToLowerInvariant());
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation(CloudPaymentsSignature.Header, CloudPaymentsSignature.Sign(settings.ApiSecret, bytes));
        request.Headers.TryAddWithoutValidation(CloudPaymentsSignature.DecodedHeader, CloudPaymentsSignature.Sign(settings.ApiSecret, CloudPaymentsSignature.Decoded(bytes)));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            var answer = await response.Content.ReadAsStringAsync(ct);
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in json.RootElement.EnumerateObject())
                {
                    if (field.Name.Equals("code", StringComparison.OrdinalIgnoreCase) && field.Value.ValueKind == JsonValueKind.Number
                        && field.Value.TryGetInt32(out var code))
                    {
                        return code;
                    }
                }
            }

            return null;
        }
        catch (Exception unanswered) when (unanswered is HttpRequestException or JsonException
            || (unanswered is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogUnanswered(log, kind, url, unanswered.Message);
            return null;
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: {Kind} to {Url} got no answer ({Reason})")]
    private static partial void LogUnanswered(ILogger logger, NotificationKind kind, Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: gave up {Kind} of invoice {InvoiceId} after {Attempts} attempts")]
    private static partial void LogGivenUp(ILogger logger, NotificationKind kind, string invoiceId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox: a delivery pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception failure);
}
