namespace Checkout.Web.Infrastructure;

/// <summary>
/// Configuration section <c>DataProtection</c>: the certificate that encrypts the data-protection keys where they are
/// stored (the database), either a PFX file (<c>CertificatePath</c> + <c>CertificatePassword</c>) or one in the current
/// user's certificate store (<c>CertificateThumbprint</c>). Required in Production.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string? CertificateThumbprint { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);
}
