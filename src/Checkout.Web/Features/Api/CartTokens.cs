using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api;

public enum CartTokenStatus
{
    /// <summary>Not a token this shop handed out (or altered): names no cart.</summary>
    Invalid,

    /// <summary>A token of ours whose time is up.</summary>
    Expired,
    Valid,
}

/// <summary>
/// The <c>cart_token</c> an app keeps instead of the pages' cart cookie (seed 004): the cart's id and the moment the token
/// stops naming it, encrypted and signed with the shop's data-protection keys, so it can't be guessed, altered or
/// stretched, and an expired token is told apart from a made-up one without a table of tokens. Every cart answer hands
/// out a fresh one (<see cref="ApiOptions.CartTokenLifetime"/> from now), so a cart in use never expires under its app.
/// </summary>
public sealed class CartTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<ApiOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Checkout.Api.CartToken.v1");

    private const int IdBytes = 16;

    public DateTimeOffset ExpiresFromNow => clock.GetUtcNow() + options.Value.CartTokenLifetime;

    public string Issue(Guid cartId) => Issue(cartId, ExpiresFromNow);

    public string Issue(Guid cartId, DateTimeOffset expires)
    {
        var payload = new byte[IdBytes + sizeof(long)];
        cartId.TryWriteBytes(payload);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(IdBytes), expires.ToUnixTimeSeconds());
        return Base64Url.EncodeToString(_protector.Protect(payload));
    }

    public (CartTokenStatus Status, Guid CartId) Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return (CartTokenStatus.Invalid, Guid.Empty);
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (Exception invalid) when (invalid is CryptographicException or FormatException)
        {
            return (CartTokenStatus.Invalid, Guid.Empty);
        }

        if (payload.Length != IdBytes + sizeof(long))
        {
            return (CartTokenStatus.Invalid, Guid.Empty);
        }

        var cartId = new Guid(payload.AsSpan(0, IdBytes));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(IdBytes)));
        return (expires <= clock.GetUtcNow() ? CartTokenStatus.Expired : CartTokenStatus.Valid, cartId);
    }
}
