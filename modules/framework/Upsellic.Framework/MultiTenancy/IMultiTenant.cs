namespace Upsellic.Framework.MultiTenancy;

/// <summary>An entity that belongs to one tenant. <c>TenantId</c> is stamped by the data layer, never by hand.</summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}
