using FluentValidation;
using Upsellic.Framework.Validation;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas.Application;

/// <summary>
/// The rules for a person who gets a sign-in (the owner at sign-up, a member accepting an invitation): one place, so
/// both forms say the same thing; each validator still reports them under its own field names.
/// </summary>
internal static class PersonRules
{
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter your name.").MaximumLength(AppUser.MaxNameLength);

    public static IRuleBuilderOptions<T, string?> SignInEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(256)
            .Must(EmailAddressRule.IsValid).WithMessage("Enter a valid email address, like name@store.com.");

    /// <summary>Only presence here: Identity's password options judge its strength and report their own reasons.</summary>
    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Choose a password.");
}
