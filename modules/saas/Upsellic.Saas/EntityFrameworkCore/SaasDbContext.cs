using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas.Domain;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas.EntityFrameworkCore;

public static class SaasDbProperties
{
    public const string Schema = "saas";
}

/// <summary>
/// Tenants and the Identity tables. Users are multi-tenant: a store's queries never see another store's people. Also the
/// data-protection key ring that signs cookies and bearer tokens, shared by every host through the database.
/// </summary>
public sealed class SaasDbContext(DbContextOptions<SaasDbContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IMultiTenantDbContext, IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Guid? CurrentTenantId => currentTenant.Id;

    public bool IsMultiTenantFilterEnabled => dataFilter.IsEnabled<IMultiTenant>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ConfigureSaas();
        builder.ApplyMultiTenancy(this);
    }
}

public static class SaasModelBuilderExtensions
{
    public static void ConfigureSaas(this ModelBuilder builder)
    {
        builder.HasDefaultSchema(SaasDbProperties.Schema);

        builder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("Tenants");
            tenant.Property(t => t.Id).ValueGeneratedNever();
            tenant.Property(t => t.Name).HasMaxLength(Tenant.MaxNameLength).IsRequired();
            tenant.Property(t => t.NormalizedName).HasMaxLength(Tenant.MaxNameLength).IsRequired();
            tenant.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            tenant.HasIndex(t => t.NormalizedName).IsUnique();
            tenant.Ignore(t => t.IsActive);
        });

        builder.Entity<AppUser>(user =>
        {
            user.ToTable("Users");
            user.Property(u => u.DisplayName).HasMaxLength(AppUser.MaxNameLength).IsRequired();
            // Email is the sign-in name and unique across the whole platform, whichever store the user belongs to.
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        });
        builder.Entity<AppRole>().ToTable("Roles");
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("UserRoles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("UserTokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("RoleClaims");
    }
}
