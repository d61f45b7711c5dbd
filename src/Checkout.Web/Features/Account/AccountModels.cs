using System.ComponentModel.DataAnnotations;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Checkout.Web.Features.Account;

public sealed class LoginForm
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.Email, ErrorMessage = "FieldTooLong")]
    public string Email { get; set; } = "";

    [Display(Name = "Password")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [StringLength(PasswordRules.MaxLength, ErrorMessage = "FieldTooLong")]
    public string Password { get; set; } = "";

    /// <summary>«Мені есте сақта» (the box posts <c>true</c>): a persistent cookie instead of one that ends with the browser.</summary>
    public string? RememberMe { get; set; } // text, not bool: any other value is simply "no", never a binding error

    public bool Remembered => RememberMe == "true";

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm
{
    [Display(Name = "FullName")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.Name, ErrorMessage = "FieldTooLong")]
    public string FullName { get; set; } = "";

    [Display(Name = "Email")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.Email, ErrorMessage = "FieldTooLong")]
    public string Email { get; set; } = ""; // checked by EmailAddresses in the controller: one rule with the mail layer

    [Display(Name = "Password")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [StringLength(PasswordRules.MaxLength, ErrorMessage = "FieldTooLong")]
    public string Password { get; set; } = "";

    [Display(Name = "ConfirmPassword")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>The code of the shopper who referred them (optional; prefilled from <c>?ref=CODE</c>).</summary>
    [Display(Name = "ReferralCode")]
    [StringLength(Lengths.Tag, ErrorMessage = "FieldTooLong")]
    public string? ReferralCode { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ProfileForm
{
    [Display(Name = "Email")]
    [BindNever] // shown, not edited: the server fills it from the account
    public string Email { get; set; } = "";

    [Display(Name = "FullName")]
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.Name, ErrorMessage = "FieldTooLong")]
    public string FullName { get; set; } = "";

    [Display(Name = "Phone")]
    [RegularExpression(PhonePattern, ErrorMessage = "PhoneInvalid")]
    public string? Phone { get; set; }

    /// <summary>7–15 digits (E.164 allows no more), with the spaces, brackets and dashes people type between them.</summary>
    public const string PhonePattern = @"^(?=.{7,20}$)\+?(?:[ ()\-]*[0-9]){7,15}[ ()\-]*$";

    [Display(Name = "DeliveryAddress")]
    [StringLength(Lengths.Address, ErrorMessage = "FieldTooLong")]
    public string? DeliveryAddress { get; set; }
}

public sealed class ChangePasswordForm
{
    [Display(Name = "CurrentPassword")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [StringLength(PasswordRules.MaxLength, ErrorMessage = "FieldTooLong")]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "NewPassword")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [StringLength(PasswordRules.MaxLength, ErrorMessage = "FieldTooLong")]
    public string NewPassword { get; set; } = "";

    [Display(Name = "ConfirmPassword")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ConfirmEmailForm
{
    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.UserId, ErrorMessage = "FieldTooLong")]
    public string User { get; set; } = "";

    [Required(ErrorMessage = "FieldRequired")]
    [StringLength(Lengths.LongText, ErrorMessage = "FieldTooLong")]
    public string Token { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
