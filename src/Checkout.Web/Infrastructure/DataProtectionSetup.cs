using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Checkout.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Checkout.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// The keys that sign auth cookies and antiforgery tokens, shared by every instance through the database. With a
    /// certificate (<c>DataProtection:*</c>) they are stored encrypted with it, so reading the database is not enough to
    /// forge a cookie; in Production the shop refuses to start without one.
    /// </summary>
    public static IServiceCollection AddShopDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section)
            .Validate(o => o.HasCertificate || !environment.IsProduction(),
                "DataProtection:CertificatePath (with DataProtection:CertificatePassword) or DataProtection:CertificateThumbprint must name "
                + "a certificate in Production: it encrypts the keys that sign sign-in cookies and antiforgery tokens in the database.")
            .ValidateOnStart();
        var keys = services.AddDataProtection().SetApplicationName("Checkout").PersistKeysToDbContext<ShopDbContext>();
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (options.HasCertificate)
        {
            keys.ProtectKeysWithCertificate(Certificate(options));
        }

        return services;
    }

    /// <summary>The configured certificate with its private key (the keys are decrypted with it), or a start-up failure naming the key.</summary>
    private static X509Certificate2 Certificate(KeyProtectionOptions options)
    {
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            }
            catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"DataProtection:CertificatePath: {options.CertificatePath} can't be read as a PFX with DataProtection:CertificatePassword ({unreadable.Message}).", unreadable);
            }
        }
        else
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, options.CertificateThumbprint!.Trim(), validOnly: false);
            certificate = found.Count > 0 ? found[0]
                : throw new InvalidOperationException($"DataProtection:CertificateThumbprint: no certificate {options.CertificateThumbprint} in the current user's store (My).");
        }

        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException("DataProtection: the certificate must come with its private key, which decrypts the keys.");
    }
}
