using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Saas.EntityFrameworkCore;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
public sealed class SaasDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SaasDbContext>
{
    public SaasDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SaasDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=upsellic_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory", SaasDbProperties.Schema))
            .Options;
        return new SaasDbContext(options, new CurrentTenant(), new DataFilter());
    }
}
