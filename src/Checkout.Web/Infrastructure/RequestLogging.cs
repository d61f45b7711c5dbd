using System.Diagnostics;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// One line per request: request id, method, path, status and time. The id is returned in
/// <c>X-Request-Id</c> and scoped onto every log line written while the request runs.
/// Only the path is logged: never the query, the body or headers, so no password or card data.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.TraceIdentifier;
        context.Response.Headers["X-Request-Id"] = requestId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            LogRequest(logger, requestId, context.Request.Method, context.Request.Path, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestId} {Method} {Path} -> {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string requestId, string method, string path, int statusCode, double elapsedMs);
}
