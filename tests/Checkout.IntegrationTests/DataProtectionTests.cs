using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// With a certificate configured (<c>DataProtection:CertificatePath</c> + <c>…:CertificatePassword</c>) the keys that
/// sign sign-in cookies and antiforgery tokens are stored encrypted with it: the database alone doesn't give them away,
/// and an instance started with the same certificate (a restart, another machine) still reads them. In Production
/// the shop doesn't start without one.
/// </summary>
public sealed class DataProtectionTests : IDisposable
{
    private const string Password = "test-certificate-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("checkout-cert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_keys_are_stored_encrypted_and_a_restart_with_the_same_certificate_still_reads_them()
    {
        var certificate = CreateCertificate();
        using var first = new ShopFactory { Settings = { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = Password } };
        using var shopper = await first.SignedInAsync();
        var token = await shopper.TokenAsync();
        var cookies = await CookieHeaderAsync(shopper);

        await using (var db = first.OpenDatabase())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            keys.Should().NotBeEmpty().And.OnlyContain(xml => xml.Contains("<encryptedSecret", StringComparison.Ordinal), "every key is encrypted")
                .And.NotContain(xml => xml.Contains("<masterKey", StringComparison.Ordinal), "no key is stored in the clear");
        }

        using var restarted = first.SecondInstance();
        restarted.Settings["DataProtection:CertificatePath"] = certificate;
        restarted.Settings["DataProtection:CertificatePassword"] = Password;
        using var again = restarted.CreateShopper();
        again.Http.DefaultRequestHeaders.Add("Cookie", cookies);

        (await again.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in cookie is still valid");
        var added = await again.PostFormAsync("/cart/add", new Dictionary<string, string> { ["productId"] = "1", ["__RequestVerificationToken"] = token }, withToken: false);
        added.StatusCode.Should().Be(HttpStatusCode.Redirect, "the antiforgery token made before the restart is still valid");
    }

    [Fact]
    public async Task Without_the_certificate_the_stored_keys_are_of_no_use()
    {
        var certificate = CreateCertificate();
        using var first = new ShopFactory { Settings = { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = Password } };
        using var shopper = await first.SignedInAsync();
        var cookies = await CookieHeaderAsync(shopper);

        using var stranger = first.SecondInstance(); // the database, but not the certificate
        using var forger = stranger.CreateShopper();
        forger.Http.DefaultRequestHeaders.Add("Cookie", cookies);

        var profile = await forger.Http.GetAsync(new Uri("/account/profile", UriKind.Relative));
        profile.StatusCode.Should().Be(HttpStatusCode.Redirect, "the cookie can't be read without the certificate's private key");
        profile.Headers.Location!.OriginalString.Should().StartWith("/account/login");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/nonexistent/checkout.pfx")]
    public void Production_does_not_start_without_a_usable_certificate(string? path)
    {
        using var shop = new ShopFactory { Settings = { ["environment"] = "Production" } };
        if (path is not null)
        {
            shop.Settings["DataProtection:CertificatePath"] = path;
        }

        var start = () => shop.Server;

        start.Should().Throw<Exception>().Where(e => Messages(e).Contains("DataProtection:CertificatePath"));
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PFX file.</summary>
    private string CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Checkout data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>The Cookie header the browser would send, read back from a request it makes.</summary>
    private static async Task<string> CookieHeaderAsync(Shopper shopper)
    {
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health");
        var response = await shopper.Http.SendAsync(probe);
        return string.Join("; ", response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? values : []);
    }

    private static string Messages(Exception failure) =>
        failure is AggregateException all
            ? string.Join(" | ", all.InnerExceptions.Select(Messages))
            : failure.Message + (failure.InnerException is { } inner ? " | " + Messages(inner) : "");
}
