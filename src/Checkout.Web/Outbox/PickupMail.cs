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

    /// <summary>
    /// Writes the mail into <paramref name="folder"/> as <paramref name="fileName"/> (or the fresh GUID name SmtpClient
    /// picks), whole or not at all: SmtpClient writes its file in place, so it writes into a staging folder of this mail's
    /// own and the file is moved in; whoever reads the pickup folder never finds a mail half written. A file of that name
    /// there already is kept (the mail is not written twice).
    /// </summary>
    public static async Task WriteAsync(MailMessage mail, string folder, string? fileName, CancellationToken ct)
    {
        var staging = Directory.CreateDirectory(Path.Combine(folder, ".staging", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using (var smtp = new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = staging,
                DeliveryFormat = EmailAddresses.NeedsUtf8Mail(mail.To.Single().Address) ? SmtpDeliveryFormat.International : SmtpDeliveryFormat.SevenBit,
            })
            {
                await smtp.SendMailAsync(mail, ct);
            }

            var written = Directory.GetFiles(staging, "*.eml").Single();
            var target = Path.Combine(folder, fileName ?? Path.GetFileName(written));
            try
            {
                File.Move(written, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Written before: one mail is enough.
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
