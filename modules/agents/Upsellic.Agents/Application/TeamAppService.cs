using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Upsellic.Agents.Domain;
using Upsellic.Agents.EntityFrameworkCore;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Framework.Validation;
using Upsellic.Saas;

namespace Upsellic.Agents.Application;

public sealed class InvitationOptions
{
    public const string Section = "Agents:Invitations";

    /// <summary>How long an invitation link works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}

public sealed class TeamAppService(
    AgentsDbContext db,
    TeamCaller caller,
    ITenantUserService users,
    ITenantLookupService tenants,
    ICurrentTenant currentTenant,
    IEmailSender emailSender,
    IEnumerable<IAgentPresenceQuery> presence,
    IOptions<InvitationOptions> options,
    TimeProvider clock,
    ILogger<TeamAppService> logger) : ITeamAppService, IAgentProfileService
{
    public const string AcceptPath = "/account/accept-invitation";

    public async Task<InvitationCreatedDto> InviteAsync(InviteMemberRequest request, string siteBaseUrl, CancellationToken cancellationToken = default)
    {
        caller.EnsureTeamAdmin();
        var tenantId = RequireTenant();
        await new InviteMemberValidator().ValidateOrThrowAsync(request, cancellationToken);
        var email = request.Email!.Trim();
        var role = SaasRoles.NormalizeAssignable(request.Role)!;
        if (await users.IsEmailTakenAsync(email, cancellationToken))
        {
            throw InputValidationException.For("email", "An account with this email address already exists.");
        }

        var now = clock.GetUtcNow();
        var (invitation, token) = Invitation.Create(email, role, caller.UserId, caller.Name, now, options.Value.Lifetime);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Re-inviting replaces: the earlier link stops working. Saved before the insert because the unique index on
            // open invitations depends on RevokedAt, an ordering EF Core cannot infer.
            var normalized = Invitation.NormalizeEmail(email);
            foreach (var open in await db.Invitations.Where(i => i.NormalizedEmail == normalized && i.AcceptedAt == null && i.RevokedAt == null)
                         .ToListAsync(cancellationToken))
            {
                open.Revoke(now);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.Invitations.Add(invitation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw InputValidationException.For("email", "This address was invited at the same moment by someone else; refresh the list.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var acceptUrl = $"{siteBaseUrl.TrimEnd('/')}{AcceptPath}?token={token}";
        var storeName = (await tenants.FindAsync(tenantId, cancellationToken))?.Name ?? "a store";
        var emailSent = true;
        try
        {
            await emailSender.SendAsync(InvitationEmail.Compose(email, caller.Name, storeName, role, acceptUrl, invitation.ExpiresAt), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The invitation is saved and its link is in the answer: the inviter can pass it on by hand.
            logger.LogWarning(e, "The invitation email to {Email} could not be sent", email);
            emailSent = false;
        }

        return new InvitationCreatedDto(invitation.Id, acceptUrl, token, emailSent);
    }

    public async Task<IReadOnlyList<InvitationDto>> GetPendingInvitationsAsync(CancellationToken cancellationToken = default)
    {
        caller.EnsureTeamAdmin();
        RequireTenant();
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationDto(i.Id, i.Email, i.Role, i.InvitedByName, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    public async Task RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        caller.EnsureTeamAdmin();
        RequireTenant();
        // The tenant filter makes another store's invitation "not found", never "forbidden": ids reveal nothing.
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken)
            ?? throw new EntityNotFoundException("Invitation", invitationId);
        invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TeamMemberDto>> GetMembersAsync(CancellationToken cancellationToken = default)
    {
        RequireTenant();
        var members = await users.ListMembersAsync(cancellationToken);
        var online = new HashSet<Guid>();
        foreach (var query in presence)
        {
            online.UnionWith(await query.GetOnlineUserIdsAsync(cancellationToken));
        }

        return members.Select(m => new TeamMemberDto(m.UserId, m.Name, m.Email, m.Role, online.Contains(m.UserId))).ToList();
    }

    public async Task ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default)
    {
        caller.EnsureTeamAdmin();
        RequireTenant();
        await new ChangeRoleValidator().ValidateOrThrowAsync(request, cancellationToken);
        await users.ChangeRoleAsync(userId, SaasRoles.NormalizeAssignable(request.Role)!, cancellationToken);
    }

    public async Task RemoveMemberAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        caller.EnsureTeamAdmin();
        RequireTenant();
        await users.RemoveMemberAsync(userId, caller.UserId, cancellationToken);
    }

    public async Task<AgentProfileDto> GetMyProfileAsync(CancellationToken cancellationToken = default) =>
        (await FindAsync(caller.UserId, cancellationToken))
        ?? throw new BusinessException(SaasErrorCodes.MemberNotFound, "You are not a member of this store.", 404);

    public async Task<AgentProfileDto> UpdateMyProfileAsync(UpdateAgentProfileRequest request, CancellationToken cancellationToken = default)
    {
        await new AgentProfileValidator().ValidateOrThrowAsync(request, cancellationToken);
        var profile = await GetOrCreateProfileAsync(caller.UserId, cancellationToken)
            ?? throw new BusinessException(SaasErrorCodes.MemberNotFound, "You are not a member of this store.", 404);
        profile.Update(request.DisplayName!.Trim(), request.Initials!, request.Colour!);
        await db.SaveChangesAsync(cancellationToken);
        return profile.ToDto();
    }

    public async Task<AgentProfileDto?> FindAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await GetOrCreateProfileAsync(userId, cancellationToken))?.ToDto();

    /// <summary>A profile is made from the member's name the first time anything needs it.</summary>
    private async Task<AgentProfile?> GetOrCreateProfileAsync(Guid userId, CancellationToken cancellationToken)
    {
        RequireTenant();
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }

        var member = await users.FindMemberAsync(userId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        profile = AgentProfile.CreateDefault(userId, member.Name);
        db.Profiles.Add(profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests raced; the other one created the profile, which is just as good.
            db.ChangeTracker.Clear();
            profile = await db.Profiles.SingleAsync(p => p.UserId == userId, cancellationToken);
        }

        return profile;
    }

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException(AgentsErrorCodes.NotTeamAdmin, "The team belongs to a store; sign in as one of its members.", 403);
}

internal static class AgentProfileMappings
{
    public static AgentProfileDto ToDto(this AgentProfile profile) => new(profile.UserId, profile.DisplayName, profile.Initials, profile.Colour);
}
