using Microsoft.AspNetCore.Identity;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Saas.Identity;

/// <summary>A person who signs in to the dashboard: a member of one store, or a platform admin (no tenant).</summary>
public sealed class AppUser : IdentityUser<Guid>, IMultiTenant
{
    public const int MaxNameLength = 100;

    public Guid? TenantId { get; private set; }

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public static AppUser Create(string email, string displayName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = displayName.Trim(),
        CreatedAt = now,
        // Sign-up proves nothing about the mailbox, but the product does not depend on it; lockout still applies.
        EmailConfirmed = true,
        LockoutEnabled = true,
    };
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}
