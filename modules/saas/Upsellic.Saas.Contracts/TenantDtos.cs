using System.Text.Json.Serialization;

namespace Upsellic.Saas;

[JsonConverter(typeof(JsonStringEnumConverter<TenantStatus>))]
public enum TenantStatus
{
    Active,
    Disabled,
}

public sealed record TenantDto(Guid Id, string Name, TenantStatus Status, DateTimeOffset CreatedAt, int Agents, int Conversations, int Handoffs);

public sealed record CreateTenantRequest(string? StoreName, string? OwnerName, string? OwnerEmail, string? OwnerPassword);

public sealed record CreateTenantResult(Guid TenantId);

/// <summary>Platform admin: the tenants of the platform.</summary>
public interface ITenantAdminAppService
{
    Task<IReadOnlyList<TenantDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<CreateTenantResult> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken = default);

    Task DisableAsync(Guid tenantId, CancellationToken cancellationToken = default);

    Task EnableAsync(Guid tenantId, CancellationToken cancellationToken = default);
}

/// <summary>Usage figures a module contributes to the platform admin's tenant list (conversations, handoffs).</summary>
public interface ITenantUsageContributor
{
    Task ContributeAsync(IReadOnlyCollection<Guid> tenantIds, IDictionary<Guid, TenantUsage> usage, CancellationToken cancellationToken);
}

public sealed class TenantUsage
{
    public int Agents { get; set; }

    public int Conversations { get; set; }

    public int Handoffs { get; set; }
}

/// <summary>A tenant's status changed; other modules react (e.g. the widget stops answering).</summary>
public sealed record TenantStatusChangedEto(Guid TenantId, TenantStatus Status);
