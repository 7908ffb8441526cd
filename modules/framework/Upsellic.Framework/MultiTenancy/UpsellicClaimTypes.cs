namespace Upsellic.Framework.MultiTenancy;

public static class UpsellicClaimTypes
{
    public const string TenantId = "tenant_id";
}
