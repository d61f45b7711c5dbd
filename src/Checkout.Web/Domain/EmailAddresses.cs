using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Checkout.Web.Domain;

/// <summary>
/// The one rule for the shoppers' e-mail addresses, used by registration, the seed commands and the mail that goes
/// to them. An address is a bare addr-spec that <see cref="MailAddress"/> (the mail layer) reads back unchanged: no
/// display name, no spaces, quotes, brackets or comments. The local part is dot-separated atoms of ASCII letters,
/// digits and RFC 5322's symbols, or of letters of one script (Kazakh mail providers accept Cyrillic names); the
/// domain is host labels that IDNA can encode. Within the local part and within each domain label the letters must
/// all be of one script, so <c>ԁemo</c> (a Cyrillic ԁ before Latin "emo") is refused.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    private const int MaxLocalPartLength = 64;

    private const string AsciiSymbols = "!#$%&'*+/=?^_`{|}~-";

    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// The address as the shop stores and mails it — trimmed, Unicode NFKC, domain in lower case — or null when the
    /// text is not an address the shop accepts.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var address = text.Trim().Normalize(NormalizationForm.FormKC);
        var at = address.LastIndexOf('@');
        if (address.Length > MaxLength || at <= 0 || at > MaxLocalPartLength || at == address.Length - 1)
        {
            return null;
        }

        var local = address[..at];
        var domain = address[(at + 1)..].ToLowerInvariant();
        if (!IsLocalPart(local) || !IsDomain(domain))
        {
            return null;
        }

        address = $"{local}@{domain}";
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.DisplayName.Length == 0
            ? address
            : null;
    }

    /// <summary>
    /// Whether mailing it needs SMTPUTF8 (a local part beyond ASCII); a Unicode domain alone is sent IDNA-encoded,
    /// and ASCII mail keeps its headers RFC 2047-encoded for every reader.
    /// </summary>
    public static bool NeedsUtf8Mail(string address) => !Ascii.IsValid(address.AsSpan(0, address.LastIndexOf('@') + 1));

    /// <summary>
    /// What the address looks like: lower case, with the Cyrillic and Greek letters that look like Latin ones read as
    /// those. Two addresses with one skeleton look the same to a reader, so only the first may have an account.
    /// </summary>
    public static string Skeleton(string address)
    {
        var skeleton = new StringBuilder(address.Length);
        foreach (var c in address.ToLowerInvariant())
        {
            skeleton.Append(LookAlikes.TryGetValue(c, out var latin) ? latin : c);
        }

        return skeleton.ToString();
    }

    private static bool IsLocalPart(string local) =>
        local.Split('.').All(atom => atom.Length > 0 && atom.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            || AsciiSymbols.Contains(c, StringComparison.Ordinal) || (c > '\x7f' && char.IsLetter(c))))
        && OneScript(local);

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(label => label.Length == 0 || !OneScript(label) || !label.All(c => char.IsLetterOrDigit(c) || c == '-')))
        {
            return false;
        }

        try
        {
            return Idna.GetAscii(domain).Length <= MaxLength && !labels[^1].All(char.IsAsciiDigit);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether all the letters are of one script: Latin, Cyrillic, Greek, or (together) any other.</summary>
    private static bool OneScript(string text) => text.Where(char.IsLetter).Select(ScriptOf).Distinct().Count() <= 1;

    private static char ScriptOf(char c) => c switch
    {
        <= '\x024f' or (>= '\x1e00' and <= '\x1eff') => 'L',
        (>= '\x0400' and <= '\x052f') or (>= '\x1c80' and <= '\x1c8f') or (>= '\x2de0' and <= '\x2dff') or (>= '\xa640' and <= '\xa69f') => 'C',
        (>= '\x0370' and <= '\x03ff') or (>= '\x1f00' and <= '\x1fff') => 'G',
        _ => 'O',
    };

    /// <summary>Lower-case Cyrillic and Greek letters that a reader takes for Latin ones.</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['к'] = 'k',
        ['ӏ'] = 'l', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['ԛ'] = 'q', ['с'] = 'c', ['ѕ'] = 's', ['т'] = 't',
        ['у'] = 'y', ['ү'] = 'y', ['х'] = 'x', ['ԝ'] = 'w', ['ԁ'] = 'd', ['ɡ'] = 'g',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x',
    };
}
