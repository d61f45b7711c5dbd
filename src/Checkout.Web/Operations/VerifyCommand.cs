using System.Globalization;
using Checkout.Web.Data;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Operations;

/// <summary>
/// <c>dotnet run --project src/Checkout.Web -- verify [--wait SECONDS]</c>: checks the books (<see cref="LedgerCheck"/>)
/// and prints each invariant with its counts; exit code 0 when all hold, 1 naming every card, order or message that
/// breaks one, 2 for a bad command line. It only reads. <c>--wait</c> first gives a running shop's worker that long to
/// deliver what is pending.
/// </summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct = default)
    {
        var wait = TimeSpan.Zero;
        if (args is ["--wait", var seconds] && int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= 3600)
        {
            wait = TimeSpan.FromSeconds(s);
        }
        else if (args.Count > 0)
        {
            await output.WriteLineAsync($"usage: verify [--wait SECONDS (0-3600)]; got '{string.Join(' ', args)}'.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>()
            .Where(h => h.EventType == OutboxEvents.OrderCreated).Select(h => h.Name).ToList();
        var pickup = scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory;
        var check = new LedgerCheck(db, handlers, handlers.Contains(OrderConfirmationEmail.HandlerName) ? pickup : null);

        var deadline = DateTime.UtcNow + wait;
        while (await check.PendingDeliveriesAsync(ct) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, ct);
        }

        output.WriteLine($"verify: the books of {(db.Database.IsSqlite() ? "the SQLite" : "the PostgreSQL")} database {db.Database.GetDbConnection().DataSource}");
        var findings = await check.RunAsync(ct);
        foreach (var finding in findings)
        {
            output.WriteLine($"  [{(finding.Holds ? "ok" : "BROKEN")}] {finding.Checked}");
            foreach (var broken in finding.Breaks)
            {
                output.WriteLine($"      {broken}");
            }
        }

        var broke = findings.Count(f => !f.Holds);
        output.WriteLine(broke == 0
            ? $"verify: all {findings.Count} invariants hold."
            : $"verify: {broke} of {findings.Count} invariants broken.");
        return broke == 0 ? 0 : 1;
    }
}
