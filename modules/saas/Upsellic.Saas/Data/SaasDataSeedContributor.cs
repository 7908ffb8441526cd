using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Framework.Data;
using Upsellic.Framework.Domain;
using Upsellic.Saas.Application;
using Upsellic.Saas.EntityFrameworkCore;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas.Data;

public sealed class PlatformOptions
{
    public const string Section = "Platform";

    public string AdminEmail { get; set; } = "admin@upsellic.local";

    public string AdminPassword { get; set; } = string.Empty;

    public string AdminName { get; set; } = "Platform Admin";
}

/// <summary>The demo store the run command seeds so a newcomer can try everything at once.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    public string StoreName { get; set; } = "Northwind Outfitters";

    public string OwnerName { get; set; } = "Dana Merchant";

    public string OwnerEmail { get; set; } = "demo@northwind.example";

    public string OwnerPassword { get; set; } = "Demo-store-2026";
}

/// <summary>Roles, the first platform admin (from configuration) and, when enabled, the demo store. Idempotent.</summary>
public sealed class SaasDataSeedContributor(
    RoleManager<AppRole> roleManager,
    UserManager<AppUser> userManager,
    SaasDbContext db,
    TenantProvisioner provisioner,
    TimeProvider clock,
    IOptions<PlatformOptions> platform,
    IOptions<DemoOptions> demo,
    ILogger<SaasDataSeedContributor> logger) : IDataSeedContributor
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in SaasRoles.TenantRoles.Append(SaasRoles.PlatformAdmin))
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new AppRole(role));
            }
        }

        await SeedPlatformAdminAsync();
        if (demo.Value.Enabled)
        {
            await SeedDemoStoreAsync(cancellationToken);
        }
    }

    private async Task SeedPlatformAdminAsync()
    {
        var options = platform.Value;
        if (string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            logger.LogWarning("No Platform:AdminPassword is configured; the first platform admin is not created");
            return;
        }

        if (await userManager.FindByEmailAsync(options.AdminEmail) is not null)
        {
            return;
        }

        var admin = AppUser.Create(options.AdminEmail, options.AdminName, clock.GetUtcNow());
        var created = await userManager.CreateAsync(admin, options.AdminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The platform admin from configuration could not be created: " +
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await userManager.AddToRoleAsync(admin, SaasRoles.PlatformAdmin);
        logger.LogInformation("Created the platform admin {Email}", options.AdminEmail);
    }

    private async Task SeedDemoStoreAsync(CancellationToken cancellationToken)
    {
        var options = demo.Value;
        if (await db.Tenants.AnyAsync(t => t.NormalizedName == Domain.Tenant.Normalize(options.StoreName), cancellationToken))
        {
            return;
        }

        try
        {
            await provisioner.CreateAsync(new NewStore(options.StoreName, options.OwnerName, options.OwnerEmail, options.OwnerPassword), cancellationToken);
            logger.LogInformation("Created the demo store {Store} owned by {Email}", options.StoreName, options.OwnerEmail);
        }
        catch (InputValidationException e)
        {
            throw new InvalidOperationException("The demo store could not be created: " +
                string.Join(" ", e.Errors.SelectMany(pair => pair.Value)), e);
        }
    }
}
