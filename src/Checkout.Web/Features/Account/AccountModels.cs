using System.ComponentModel.DataAnnotations;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Checkout.Web.Features.Account;

public sealed class LoginForm
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "FieldRequired")]
    public string Email { get; set; } = "";

    [Display(Name = "Password")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

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
    [EmailAddress(ErrorMessage = "EmailInvalid")]
    [StringLength(Lengths.Email, ErrorMessage = "FieldTooLong")]
    public string Email { get; set; } = "";

    [Display(Name = "Password")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [StringLength(100, ErrorMessage = "FieldTooLong")]
    public string Password { get; set; } = "";

    [Display(Name = "ConfirmPassword")]
    [Required(ErrorMessage = "FieldRequired")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";

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
    // 7–15 digits (E.164 allows no more), with the spaces, brackets and dashes people type between them.
    [RegularExpression(@"^(?=.{7,20}$)\+?(?:[ ()\-]*[0-9]){7,15}[ ()\-]*$", ErrorMessage = "PhoneInvalid")]
    public string? Phone { get; set; }

    [Display(Name = "DeliveryAddress")]
    [StringLength(Lengths.Address, ErrorMessage = "FieldTooLong")]
    public string? DeliveryAddress { get; set; }
}
