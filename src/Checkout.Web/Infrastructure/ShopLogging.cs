using System.Globalization;
using Serilog;

namespace Checkout.Web.Infrastructure;

public static class ShopLogging
{
    /// <summary>Serilog as the only logger: levels and sinks from <c>Serilog:*</c>, plus a daily file in <c>&lt;data folder&gt;/logs/</c>.</summary>
    public static IServiceCollection AddShopLogging(this IServiceCollection services, IConfiguration configuration, string dataDirectory) =>
        services.AddSerilog(
            logger => logger
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .WriteTo.File(Path.Combine(dataDirectory, "logs", "checkout-.log"), rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14, formatProvider: CultureInfo.InvariantCulture,
                    outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"),
            preserveStaticLogger: true); // each shop its own logger, never the process-wide one: tests run several shops at once

    /// <summary>
    /// One line per request: request id, method, path, status and time. The id is also answered in <c>X-Request-Id</c>.
    /// Only the path is logged: never the query, the body or headers, so no password or card data.
    /// </summary>
    public static IApplicationBuilder UseShopRequestLogging(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return next(context);
        });
        return app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>(); // this shop's, see AddShopLogging
            options.MessageTemplate = "{RequestId} {RequestMethod} {RequestPath} -> {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("RequestId", http.TraceIdentifier);
        });
    }
}
