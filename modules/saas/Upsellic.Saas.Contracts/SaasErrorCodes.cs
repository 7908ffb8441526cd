namespace Upsellic.Saas;

public static class SaasErrorCodes
{
    public const string InvalidCredentials = "Saas:InvalidCredentials";
    public const string LockedOut = "Saas:LockedOut";
    public const string TenantDisabled = "Saas:TenantDisabled";
    public const string DuplicateStoreName = "Saas:DuplicateStoreName";
    public const string DuplicateEmail = "Saas:DuplicateEmail";
    public const string TenantNotFound = "Saas:TenantNotFound";
    public const string MemberNotFound = "Saas:MemberNotFound";
    public const string OwnerProtected = "Saas:OwnerProtected";
    public const string CannotRemoveYourself = "Saas:CannotRemoveYourself";
    public const string InvalidRole = "Saas:InvalidRole";
}

public static class SaasRoles
{
    public const string Owner = "Owner";
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string PlatformAdmin = "PlatformAdmin";

    public static readonly IReadOnlyList<string> TenantRoles = [Owner, Admin, Agent];

    /// <summary>The roles a member can be invited with or given; a store has exactly one Owner, from sign-up.</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = [Admin, Agent];

    /// <summary>"agent" → "Agent"; null when <paramref name="role"/> is not an assignable role.</summary>
    public static string? NormalizeAssignable(string? role) =>
        AssignableRoles.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

public static class SaasPolicies
{
    /// <summary>Host side: manages tenants.</summary>
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>Any signed-in member of a store.</summary>
    public const string TenantUser = "TenantUser";

    /// <summary>A store's Owner or Admin: settings, knowledge, team.</summary>
    public const string TenantAdmin = "TenantAdmin";
}
