namespace Checkout.Web.Domain;

/// <summary>
/// A refresh token an app holds to get its next access token. Only the token's SHA-256 is stored, so a copy of the
/// table signs nobody in. Each token works once (a refresh hands out the next one), logout revokes it, and the account's
/// security stamp at issue must still be the account's (a password change ends every app session).
/// </summary>
public sealed class RefreshToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The account's security stamp when the token was issued.</summary>
    public string? SecurityStamp { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>When it was used for a refresh or revoked; a token presented again after that is refused.</summary>
    public DateTime? EndedUtc { get; set; }
}
