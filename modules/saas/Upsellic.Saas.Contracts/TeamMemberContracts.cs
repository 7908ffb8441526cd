namespace Upsellic.Saas;

/// <summary>A person of the current store as the team pages see them; <see cref="Role"/> is Owner, Admin or Agent.</summary>
public sealed record TenantMemberDto(Guid UserId, string Name, string Email, string Role, DateTimeOffset CreatedAt);

/// <summary>
/// Integration service for the Agents module: the store's people live in the SaaS module's identity tables, so
/// creating, listing, re-roling and removing them happens here, with the same password rules and field errors as
/// sign-up. Every method but <see cref="CreateMemberAsync"/> works on the current tenant.
/// </summary>
public interface ITenantUserService
{
    /// <summary>
    /// Creates a member of <paramref name="tenantId"/> with <paramref name="role"/> (Admin or Agent). Throws an
    /// InputValidationException with the fields <c>name</c>, <c>password</c> and <c>email</c>.
    /// </summary>
    Task<Guid> CreateMemberAsync(Guid tenantId, string email, string? name, string? password, string role, CancellationToken cancellationToken = default);

    /// <summary>Whether any account of the platform (any store, or a platform admin) signs in with this email.</summary>
    Task<bool> IsEmailTakenAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TenantMemberDto>> ListMembersAsync(CancellationToken cancellationToken = default);

    Task<TenantMemberDto?> FindMemberAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Admin or Agent only; the Owner's role never changes. The member's next request carries the new role.</summary>
    Task ChangeRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the member: their cookies and bearer tokens stop working on the next request, and
    /// <see cref="TeamMemberRemovedEto"/> is published. The Owner cannot be removed, nor can anyone remove themselves.
    /// </summary>
    Task RemoveMemberAsync(Guid userId, Guid actingUserId, CancellationToken cancellationToken = default);
}

/// <summary>A member left the store (was removed). Their sessions are already refused; hubs drop their connections.</summary>
public sealed record TeamMemberRemovedEto(Guid TenantId, Guid UserId);

/// <summary>Rate-limiting policies that other modules' anonymous account endpoints share.</summary>
public static class SaasRateLimitPolicies
{
    /// <summary>Per client address: sign-up, token and invitation acceptance.</summary>
    public const string Account = "account";
}
