using System.Collections.Concurrent;
using System.Text;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Checkout.Testing.Payments;

/// <summary>
/// Stands in for the shop's notification endpoints until the payment flow has its own: records every post that arrives
/// under <see cref="Path"/> (<c>/test-notify/pay</c>, …) and answers <c>{"code":N}</c>, 0 unless the test says otherwise.
/// </summary>
public sealed class NotificationRecorder(Func<DateTime> now) : IStartupFilter
{
    public const string Path = "/test-notify";

    private readonly ConcurrentQueue<RecordedNotification> _received = new();

    private Func<NotificationKind, int, int> _answer = (_, _) => 0;

    public IReadOnlyList<RecordedNotification> Received => [.. _received];

    public IReadOnlyList<RecordedNotification> Of(string invoiceId) => [.. _received.Where(n => n["InvoiceId"] == invoiceId)];

    /// <summary>
    /// How the shop answers: given the kind and how many of that kind came before (0 for the first), the code.
    /// </summary>
    public void AnswerWith(Func<NotificationKind, int, int> answer) => _answer = answer;

    public Task<IReadOnlyList<RecordedNotification>> WaitForAsync(string invoiceId, Func<IReadOnlyList<RecordedNotification>, bool> enough, string what) =>
        Poll.UntilAsync(() => Task.FromResult(Of(invoiceId) is var got && enough(got) ? got : null), what);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path, out var rest) || !HttpMethods.IsPost(context.Request.Method)
                || !Enum.TryParse<NotificationKind>(rest.Value?.Trim('/'), ignoreCase: true, out var kind))
            {
                await nextMiddleware(context);
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = new HeaderDictionary();
            foreach (var (name, value) in context.Request.Headers)
            {
                headers[name] = value;
            }

            int code;
            lock (_received)
            {
                code = _answer(kind, _received.Count(n => n.Kind == kind));
                _received.Enqueue(new RecordedNotification(kind, body.ToArray(), headers, now(), code));
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"code\":{code}}}", Encoding.UTF8);
        });
        next(app);
    };
}
