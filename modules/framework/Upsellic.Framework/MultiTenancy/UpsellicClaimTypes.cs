namespace Upsellic.Framework.MultiTenancy;

public static class UpsellicClaimTypes
{
    public const string TenantId = "tenant_id";

    public const string DisplayName = "display_name";
}
