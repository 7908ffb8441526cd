using Microsoft.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.EntityFrameworkCore;

/// <summary>Base for module DbContexts: multi-tenant query filters on every <see cref="IMultiTenant"/> entity.</summary>
public abstract class UpsellicDbContext<TContext>(DbContextOptions<TContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : DbContext(options), IMultiTenantDbContext
    where TContext : DbContext
{
    public Guid? CurrentTenantId => currentTenant.Id;

    public bool IsMultiTenantFilterEnabled => dataFilter.IsEnabled<IMultiTenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConfigureModel(modelBuilder);
        modelBuilder.ApplyMultiTenancy(this);
    }

    /// <summary>The module's own mappings; multi-tenancy is applied after it.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
