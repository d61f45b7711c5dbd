using System.ComponentModel.DataAnnotations;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;

namespace Checkout.Web.Features.Api.Auth;

/// <summary>An e-mail and password, as on the login page.</summary>
/// <param name="Email">The account's e-mail address.</param>
/// <param name="Password">Its password.</param>
public sealed record TokenRequest(
    [Required(ErrorMessage = "FieldRequired"), StringLength(Lengths.Email, ErrorMessage = "FieldTooLong"), Display(Name = "email")] string? Email,
    [Required(ErrorMessage = "FieldRequired"), StringLength(PasswordRules.MaxLength, ErrorMessage = "FieldTooLong"), Display(Name = "password")] string? Password);

/// <summary>A refresh token, to swap for new tokens or to revoke.</summary>
/// <param name="RefreshToken">The refresh token an earlier answer handed out.</param>
public sealed record RefreshRequest(
    [Required(ErrorMessage = "FieldRequired"), StringLength(100, ErrorMessage = "FieldTooLong"), Display(Name = "refresh_token")] string? RefreshToken);

/// <summary>The tokens of a sign-in or a refresh.</summary>
/// <param name="AccessToken">Send as <c>Authorization: Bearer …</c>.</param>
/// <param name="RefreshToken">Gets the next tokens once the access token expires; works once.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds the access token authenticates.</param>
public sealed record TokenAnswer(string AccessToken, string RefreshToken, string TokenType, long ExpiresIn);

/// <summary>The signed-in shopper: profile, and cards with their balances.</summary>
/// <param name="Email">The account's e-mail address.</param>
/// <param name="FullName">The name orders are delivered to.</param>
/// <param name="Phone">The phone number, or null.</param>
/// <param name="DeliveryAddress">The delivery address; empty until set (an order needs one).</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Cards">The shopper's cards.</param>
public sealed record MeAnswer(string Email, string FullName, string? Phone, string DeliveryAddress, string Currency, IReadOnlyList<CardAnswer> Cards);

/// <summary>A saved bank card.</summary>
/// <param name="Id">The card's id: the <c>card_id</c> of an order.</param>
/// <param name="Name">Its name, e.g. <c>Kaspi Gold</c>.</param>
/// <param name="Balance">Its balance, in tiyn.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
public sealed record CardAnswer(int Id, string Name, long Balance, string Currency);

/// <summary>The profile's new values, with the profile page's rules.</summary>
/// <param name="FullName">The name orders are delivered to.</param>
/// <param name="Phone">7–15 digits, with the spaces, brackets and dashes people type; null for none.</param>
/// <param name="DeliveryAddress">The delivery address.</param>
public sealed record MeRequest(
    [Required(ErrorMessage = "FieldRequired"), StringLength(Lengths.Name, ErrorMessage = "FieldTooLong"), Display(Name = "full_name")] string? FullName,
    [RegularExpression(ProfileForm.PhonePattern, ErrorMessage = "PhoneInvalid"), Display(Name = "phone")] string? Phone,
    [StringLength(Lengths.Address, ErrorMessage = "FieldTooLong"), Display(Name = "delivery_address")] string? DeliveryAddress);
