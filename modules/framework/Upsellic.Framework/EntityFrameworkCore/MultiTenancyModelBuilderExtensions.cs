using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.EntityFrameworkCore;

public static class MultiTenancyModelBuilderExtensions
{
    /// <summary>
    /// Gives every <see cref="IMultiTenant"/> entity the filter
    /// <c>!context.IsMultiTenantFilterEnabled || e.TenantId == context.CurrentTenantId</c> and an index on TenantId.
    /// Call it at the end of OnModelCreating so no entity can be forgotten.
    /// </summary>
    public static void ApplyMultiTenancy(this ModelBuilder modelBuilder, IMultiTenantDbContext context)
    {
        // EF Core replaces a constant that is the DbContext with the context running the query, which is what
        // makes the filter follow the current tenant instead of the tenant at model-building time.
        var contextExpression = Expression.Constant(context, context.GetType());
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && typeof(IMultiTenant).IsAssignableFrom(t.ClrType)))
        {
            var entity = Expression.Parameter(entityType.ClrType, "e");
            var filterDisabled = Expression.Not(Expression.Property(contextExpression, nameof(IMultiTenantDbContext.IsMultiTenantFilterEnabled)));
            var sameTenant = Expression.Equal(
                Expression.Property(entity, nameof(IMultiTenant.TenantId)),
                Expression.Property(contextExpression, nameof(IMultiTenantDbContext.CurrentTenantId)));
            var filter = Expression.Lambda(Expression.OrElse(filterDisabled, sameTenant), entity);

            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(filter);
            modelBuilder.Entity(entityType.ClrType).HasIndex(nameof(IMultiTenant.TenantId));
        }
    }
}
