using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Framework.Validation;
using Upsellic.Saas.Domain;
using Upsellic.Saas.EntityFrameworkCore;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas.Application;

/// <summary>What creating a store needs (the owner's name, email and password); sign-up and the platform admin provide it.</summary>
public sealed record NewStore(string? StoreName, string? Name, string? Email, string? Password);

public sealed class NewStoreValidator : AbstractValidator<NewStore>
{
    public NewStoreValidator()
    {
        RuleFor(s => s.StoreName).NotEmpty().WithMessage("Enter the name of your store.")
            .MaximumLength(Tenant.MaxNameLength);
        RuleFor(s => s.Name).PersonName();
        RuleFor(s => s.Email).SignInEmail();
        RuleFor(s => s.Password).NewPassword();
    }
}

/// <summary>Creates a tenant and its Owner in one transaction: either both exist afterwards or neither does.</summary>
public sealed class TenantProvisioner(
    SaasDbContext db,
    UserManager<AppUser> userManager,
    ICurrentTenant currentTenant,
    TimeProvider clock)
{
    public async Task<(Tenant Tenant, AppUser Owner)> CreateAsync(NewStore store, CancellationToken cancellationToken)
    {
        // Every field's reasons are reported at once, so a form never makes the user fix one mistake at a time.
        var validation = await new NewStoreValidator().ValidateAsync(store, cancellationToken);
        var errors = validation.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (!string.IsNullOrEmpty(store.Password) && !errors.ContainsKey("email"))
        {
            var passwordErrors = await userManager.ValidatePasswordAsync(AppUser.Create(store.Email!, store.Name ?? string.Empty, clock.GetUtcNow()), store.Password);
            if (passwordErrors.Length > 0)
            {
                errors["password"] = passwordErrors;
            }
        }

        if (!errors.ContainsKey("email") && await userManager.FindByEmailAsync(store.Email!) is not null)
        {
            errors["email"] = ["An account with this email address already exists."];
        }

        if (!errors.ContainsKey("storeName"))
        {
            var normalizedName = Tenant.Normalize(store.StoreName!.Trim());
            if (await db.Tenants.AnyAsync(t => t.NormalizedName == normalizedName, cancellationToken))
            {
                errors["storeName"] = ["A store with this name already exists on the platform."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var owner = AppUser.Create(store.Email!, store.Name!, clock.GetUtcNow());
        var tenant = Tenant.Create(store.StoreName!, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(cancellationToken);
            using (currentTenant.Change(tenant.Id))
            {
                ThrowOnFailure(await userManager.CreateAsync(owner, store.Password!));
                ThrowOnFailure(await userManager.AddToRoleAsync(owner, SaasRoles.Owner));
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Another sign-up took the name or email between our check and the insert.
            throw unique.ConstraintName?.Contains("Email", StringComparison.OrdinalIgnoreCase) == true
                ? InputValidationException.For("email", "An account with this email address already exists.")
                : InputValidationException.For("storeName", "A store with this name already exists on the platform.");
        }

        return (tenant, owner);
    }

    private static void ThrowOnFailure(IdentityResult result) => IdentityErrorFields.ThrowOnFailure(result);
}

internal static class IdentityErrorFields
{
    /// <summary>Every password rule the user breaks, so the form lists them all at once (sign-up and joining a team alike).</summary>
    public static async Task<string[]> ValidatePasswordAsync(this UserManager<AppUser> userManager, AppUser user, string password)
    {
        var messages = new List<string>();
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, user, password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }

        return [.. messages];
    }

    public static void ThrowOnFailure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InputValidationException(ToFieldErrors(result.Errors));
        }
    }

    public static IReadOnlyDictionary<string, string[]> ToFieldErrors(IEnumerable<IdentityError> errors) =>
        errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        _ when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => "email",
        _ => "body",
    };
}
