using Checkout.Web.Outbox;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Account;

/// <summary>
/// The account's own mail — the link that confirms a new address, the note to an owner that someone tried to register
/// with theirs — written as .eml files into <c>accounts/</c> under the pickup folder (the order confirmations, one
/// per order, stay alone at its top).
/// </summary>
public sealed class AccountMail(IOptions<EmailOptions> options, IStringLocalizer<SharedResource> text)
{
    public const string Folder = "accounts";

    public Task SendConfirmationAsync(string to, string fullName, string link, CancellationToken ct) =>
        SendAsync(to, text["EmailConfirmSubject"], $"{text["EmailGreeting", fullName]}\n\n{text["EmailConfirmBody"]}\n\n{link}\n\n{text["EmailIgnoreIfNotYou"]}", ct);

    public Task SendAlreadyRegisteredAsync(string to, string fullName, string loginLink, CancellationToken ct) =>
        SendAsync(to, text["EmailAlreadyRegisteredSubject"], $"{text["EmailGreeting", fullName]}\n\n{text["EmailAlreadyRegisteredBody"]}\n\n{loginLink}\n\n{text["EmailIgnoreIfNotYou"]}", ct);

    private async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        using var mail = PickupMail.Compose(options.Value.From, to, subject, body);
        await PickupMail.WriteAsync(mail, Directory.CreateDirectory(Path.Combine(options.Value.PickupDirectory, Folder)).FullName, fileName: null, ct);
    }
}
