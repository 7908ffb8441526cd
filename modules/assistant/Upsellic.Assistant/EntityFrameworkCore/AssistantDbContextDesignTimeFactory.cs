using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Assistant.EntityFrameworkCore;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
public sealed class AssistantDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AssistantDbContext>
{
    public AssistantDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AssistantDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=upsellic_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory", AssistantDbProperties.Schema))
            .Options;
        return new AssistantDbContext(options, new CurrentTenant(), new DataFilter());
    }
}
