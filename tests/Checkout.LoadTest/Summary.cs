using System.Globalization;
using System.Text;

namespace Checkout.LoadTest;

/// <summary>
/// The run's figures as <c>name=value</c> lines (<c>--summary</c>), for a script to read without parsing the report:
/// per request <c>{key}_ok</c>, <c>_per_s</c>, <c>_p50_ms</c>, <c>_p99_ms</c>, <c>_failed</c>; then what the run adds.
/// </summary>
internal sealed class Summary
{
    private readonly List<(string Name, string Value)> _lines = [];

    public void Add(string name, object value) =>
        _lines.Add((name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));

    public void AddRequest(string request, Tally tally, double seconds)
    {
        var key = request switch
        {
            Requests.AddToCart => "add",
            Requests.Pay => "pay",
            Requests.ViewCart => "cart",
            Requests.GatewayPay => "gateway_pay",
            Requests.GatewayDecline => "gateway_decline",
            Requests.PaymentReturn => "return",
            _ => throw new ArgumentException($"No summary key for {request}.", nameof(request)),
        };
        Add($"{key}_ok", tally.LatenciesMs.Count);
        Add($"{key}_per_s", Math.Round(tally.LatenciesMs.Count / seconds, 1));
        Add($"{key}_p50_ms", Math.Round(tally.Percentile(50), 1));
        Add($"{key}_p99_ms", Math.Round(tally.Percentile(99), 1));
        Add($"{key}_failed", tally.Failures.Values.Sum());
    }

    public Task WriteAsync(string file) =>
        File.WriteAllTextAsync(file, string.Concat(_lines.Select(l => $"{l.Name}={l.Value}\n")), new UTF8Encoding(false));
}
