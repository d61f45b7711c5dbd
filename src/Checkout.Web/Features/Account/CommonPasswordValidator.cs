using System.Text;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Features.Account;

/// <summary>
/// Refuses the 10 000 commonest passwords (ASVS 2.1.7), compared without case. The list is embedded in the build
/// (<c>CommonPasswords.txt</c>); the length rule is Identity's own, and there are no composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ShopUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password) => List.Value.Contains(password.Normalize(NormalizationForm.FormKC));

    public Task<IdentityResult> ValidateAsync(UserManager<ShopUser> manager, ShopUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "The password is one of the commonest." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Checkout.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common passwords list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var list = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
            {
                list.Add(line);
            }
        }

        return list;
    }
}
