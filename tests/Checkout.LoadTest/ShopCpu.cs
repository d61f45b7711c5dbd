using System.Globalization;

namespace Checkout.LoadTest;

/// <summary>
/// A process's CPU time so far, user + system, in clock ticks (<c>/proc/&lt;pid&gt;/stat</c> fields 14 and 15; Linux only).
/// Ticks, not milliseconds: the caller converts with <c>getconf CLK_TCK</c>.
/// </summary>
internal static class ShopCpu
{
    public static long Ticks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
