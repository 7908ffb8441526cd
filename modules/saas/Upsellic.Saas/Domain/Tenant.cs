using Upsellic.Framework.Domain;

namespace Upsellic.Saas.Domain;

/// <summary>A store on the platform. Its users, settings and conversations all carry its id.</summary>
public sealed class Tenant : AggregateRoot<Guid>
{
    public const int MaxNameLength = 100;

    private Tenant()
    {
        Name = NormalizedName = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>Upper-cased, trimmed name: two stores cannot differ only by case or spaces.</summary>
    public string NormalizedName { get; private set; }

    public TenantStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActive => Status == TenantStatus.Active;

    public static Tenant Create(string name, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
        {
            throw new BusinessException("Saas:InvalidStoreName", $"A store name has 1 to {MaxNameLength} characters.", field: "storeName");
        }

        return new Tenant
        {
            Id = Guid.CreateVersion7(),
            Name = trimmed,
            NormalizedName = Normalize(trimmed),
            Status = TenantStatus.Active,
            CreatedAt = now,
        };
    }

    public static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public void Disable() => ChangeStatus(TenantStatus.Disabled);

    public void Enable() => ChangeStatus(TenantStatus.Active);

    private void ChangeStatus(TenantStatus status)
    {
        if (Status == status)
        {
            return;
        }

        Status = status;
        AddLocalEvent(new TenantStatusChangedEto(Id, status));
    }
}
