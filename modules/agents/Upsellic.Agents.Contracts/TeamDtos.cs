namespace Upsellic.Agents;

public sealed record InviteMemberRequest(string? Email, string? Role);

/// <summary>
/// The answer to an invitation: <see cref="Token"/> is shown once (only its hash is stored) and <see cref="AcceptUrl"/>
/// is the link the invitee opens. <see cref="EmailSent"/> is false when the mail could not be handed over, in which
/// case the inviter passes the link on themselves.
/// </summary>
public sealed record InvitationCreatedDto(Guid InvitationId, string AcceptUrl, string Token, bool EmailSent);

public sealed record InvitationDto(Guid Id, string Email, string Role, string InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record TeamMemberDto(Guid UserId, string Name, string Email, string Role, bool Online);

public sealed record ChangeRoleRequest(string? Role);

/// <summary>What the accept page shows before the invitee chooses a name and password.</summary>
public sealed record InvitationPreviewDto(string StoreName, string Email, string Role, DateTimeOffset ExpiresAt);

public sealed record AcceptInvitationRequest(string? Token, string? Name, string? Password);

public sealed record AcceptInvitationResult(Guid UserId);

/// <summary>How an agent appears to shoppers: a display name and a coloured initials badge.</summary>
public sealed record AgentProfileDto(Guid UserId, string DisplayName, string Initials, string Colour);

public sealed record UpdateAgentProfileRequest(string? DisplayName, string? Initials, string? Colour);

/// <summary>The store's team (dashboard and API). The caller is the signed-in user of the current tenant.</summary>
public interface ITeamAppService
{
    /// <summary>Owner/Admin. <paramref name="siteBaseUrl"/> (scheme, host, path base) is where the accept link points.</summary>
    Task<InvitationCreatedDto> InviteAsync(InviteMemberRequest request, string siteBaseUrl, CancellationToken cancellationToken = default);

    /// <summary>Owner/Admin: invitations not yet accepted, revoked or expired.</summary>
    Task<IReadOnlyList<InvitationDto>> GetPendingInvitationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Owner/Admin. Revoking twice is harmless; an accepted invitation cannot be revoked (remove the member).</summary>
    Task RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    /// <summary>Any member of the store.</summary>
    Task<IReadOnlyList<TeamMemberDto>> GetMembersAsync(CancellationToken cancellationToken = default);

    /// <summary>Owner/Admin.</summary>
    Task ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Owner/Admin.</summary>
    Task RemoveMemberAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The signed-in member's own profile, made from their name on first need.</summary>
    Task<AgentProfileDto> GetMyProfileAsync(CancellationToken cancellationToken = default);

    Task<AgentProfileDto> UpdateMyProfileAsync(UpdateAgentProfileRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The invitee's side: anonymous, the token is the only credential.</summary>
public interface IInvitationAppService
{
    Task<InvitationPreviewDto> GetPreviewAsync(string? token, CancellationToken cancellationToken = default);

    /// <summary>Creates the member in the invitation's store with its role; the invitation is then used up.</summary>
    Task<AcceptInvitationResult> AcceptAsync(AcceptInvitationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>For other modules (live chat): how an agent of the current tenant appears to shoppers.</summary>
public interface IAgentProfileService
{
    /// <summary>The profile of a member of the current tenant, created from their name on first need; null for a non-member.</summary>
    Task<AgentProfileDto?> FindAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Presence, implemented by the live-chat side: which members of the current tenant are online now. The team list
/// asks every registered implementation; with none registered, nobody shows as online.
/// </summary>
public interface IAgentPresenceQuery
{
    Task<IReadOnlySet<Guid>> GetOnlineUserIdsAsync(CancellationToken cancellationToken);
}

public static class AgentsErrorCodes
{
    public const string InvitationNotFound = "Agents:InvitationNotFound";
    public const string InvitationAlreadyUsed = "Agents:InvitationAlreadyUsed";
    public const string InvitationExpired = "Agents:InvitationExpired";
    public const string InvitationRevoked = "Agents:InvitationRevoked";
    public const string StoreUnavailable = "Agents:StoreUnavailable";
    public const string NotTeamAdmin = "Agents:NotTeamAdmin";
}
