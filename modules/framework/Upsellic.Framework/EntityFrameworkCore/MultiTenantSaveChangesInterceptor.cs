using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.EntityFrameworkCore;

/// <summary>
/// Stamps <c>TenantId</c> on new multi-tenant rows and refuses any write that would touch another tenant's row or
/// move a row between tenants. The host side (no current tenant) may write any tenant's rows: platform admins and
/// jobs that have not switched tenant act for the platform.
/// </summary>
public sealed class MultiTenantSaveChangesInterceptor(ICurrentTenant currentTenant) : SaveChangesInterceptor
{
    public const string CrossTenantWriteCode = "Upsellic:CrossTenantWrite";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tenantId = currentTenant.Id;
        foreach (var entry in context.ChangeTracker.Entries<IMultiTenant>())
        {
            var property = entry.Property(e => e.TenantId);
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is null && tenantId is not null:
                    property.CurrentValue = tenantId;
                    break;
                case EntityState.Added when tenantId is not null && property.CurrentValue != tenantId:
                    throw CrossTenantWrite(entry.Metadata.ClrType);
                case EntityState.Modified or EntityState.Deleted:
                    if (property.IsModified && property.OriginalValue != property.CurrentValue)
                    {
                        throw new BusinessException(CrossTenantWriteCode, "A row cannot be moved to another tenant.", 403);
                    }

                    if (tenantId is not null && property.OriginalValue != tenantId)
                    {
                        throw CrossTenantWrite(entry.Metadata.ClrType);
                    }

                    break;
            }
        }
    }

    private static BusinessException CrossTenantWrite(Type entityType) =>
        new(CrossTenantWriteCode, $"A {entityType.Name} of another tenant cannot be written.", 403);
}
