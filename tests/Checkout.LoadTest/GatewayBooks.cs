using System.Text.Json;
using Checkout.Web.Features.Payments.Sandbox;
using Checkout.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Checkout.LoadTest;

/// <summary>
/// The gateway's side of an online run: the sandbox's notification counts (<c>GET /sandbox/cloudpayments/stats</c>) and its
/// own books (its SQLite state file), read only — what the shop's books are compared with afterwards.
/// </summary>
internal sealed class GatewayBooks(Uri shop, string stateFile)
{
    /// <summary>The sandbox's counters and its queue's length.</summary>
    public async Task<SandboxCounts> CountsAsync()
    {
        using var http = new HttpClient { BaseAddress = shop, Timeout = TimeSpan.FromSeconds(10) };
        var json = await http.GetStringAsync(new Uri(SandboxRoutes.Prefix + "/stats", UriKind.Relative));
        return JsonSerializer.Deserialize<SandboxCounts>(json, ShopJson.Options) ?? throw new InvalidOperationException("The sandbox's stats were empty.");
    }

    public static string Describe(SandboxCounts c) =>
        $"notifications {c.Notifications}: duplicated {c.Duplicated}, dropped {c.Dropped}, delayed {c.Delayed}, reordered {c.Reordered}; " +
        $"posts to the shop {c.Attempts} (accepted {c.Delivered}, retried {c.Retried}, given up {c.GivenUp}); still queued {c.Queued}";

    /// <summary>Every completed charge at the gateway: its transaction id and the invoice (the shop's order number) it paid.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChargesAsync()
    {
        if (!File.Exists(stateFile))
        {
            throw new ArgumentException($"--sandbox-state: no sandbox state at {Path.GetFullPath(stateFile)}.");
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stateFile, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, invoice_id FROM transactions WHERE kind = 'Payment' AND status = 'Completed'";
        await using var reader = await command.ExecuteReaderAsync();
        var charges = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            charges[reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return charges;
    }
}
