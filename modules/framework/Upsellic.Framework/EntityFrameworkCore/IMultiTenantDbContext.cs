namespace Upsellic.Framework.EntityFrameworkCore;

/// <summary>
/// What a DbContext exposes to the multi-tenant query filter. The filter reads these per query, so one cached model
/// serves every tenant. Implement them as public instance properties: the filter expression refers to them by name.
/// </summary>
public interface IMultiTenantDbContext
{
    Guid? CurrentTenantId { get; }

    bool IsMultiTenantFilterEnabled { get; }
}
