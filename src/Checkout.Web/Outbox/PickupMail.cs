using System.Net.Mail;
using System.Text;
using Checkout.Web.Domain;

namespace Checkout.Web.Outbox;

/// <summary>
/// Mail as the shop writes it, order confirmations and account mail alike: UTF-8 subject, headers and body (base64),
/// written as an .eml file into a pickup folder; SMTPUTF8 only for a recipient whose local part is beyond ASCII.
/// </summary>
public static class PickupMail
{
    public static MailMessage Compose(string from, string to, string subject, string body) => new(from, to)
    {
        Subject = subject,
        SubjectEncoding = Encoding.UTF8,
        Body = body,
        BodyEncoding = Encoding.UTF8,
        BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
        HeadersEncoding = Encoding.UTF8,
    };

    /// <summary>Writes the mail into <paramref name="folder"/> under a name SmtpClient picks (a fresh GUID).</summary>
    public static async Task WriteAsync(MailMessage mail, string folder, CancellationToken ct)
    {
        using var smtp = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
            DeliveryFormat = EmailAddresses.NeedsUtf8Mail(mail.To.Single().Address) ? SmtpDeliveryFormat.International : SmtpDeliveryFormat.SevenBit,
        };
        await smtp.SendMailAsync(mail, ct);
    }
}
