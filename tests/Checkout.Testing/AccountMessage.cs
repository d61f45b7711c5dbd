using System.Text;
using System.Text.RegularExpressions;

namespace Checkout.Testing;

/// <summary>An account mail as its recipient reads it: to whom, the subject line as written, the decoded text and its link.</summary>
public sealed partial record AccountMessage(string To, string Body)
{
    /// <summary>The first link in the text, if any.</summary>
    public Uri? Link => LinkPattern().Match(Body) is { Success: true } match ? new Uri(match.Value) : null;

    public static IReadOnlyList<AccountMessage> ReadAll(string folder, string to) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(Read).Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))]
            : [];

    /// <summary>Reads the .eml the shop's SmtpClient wrote: headers, a blank line, the base64 body.</summary>
    private static AccountMessage Read(string file)
    {
        var text = File.ReadAllText(file);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = text[..split];
        var to = ToPattern().Match(headers).Groups[1].Value.Trim().Trim('<', '>');
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(text[(split + 4)..].Split("\r\n")).Trim()));
        return new AccountMessage(to, body);
    }

    [GeneratedRegex(@"^To: (.*)$", RegexOptions.Multiline)]
    private static partial Regex ToPattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
