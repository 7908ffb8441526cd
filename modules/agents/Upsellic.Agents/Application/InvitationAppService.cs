using Microsoft.EntityFrameworkCore;
using Upsellic.Agents.Domain;
using Upsellic.Agents.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Framework.Validation;
using Upsellic.Saas;

namespace Upsellic.Agents.Application;

public sealed class InvitationAppService(
    AgentsDbContext db,
    ITenantUserService users,
    ITenantLookupService tenants,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    TimeProvider clock) : IInvitationAppService
{
    /// <summary>Our tokens are 43 characters; anything much longer is not worth hashing.</summary>
    private const int MaxTokenLength = 128;

    public async Task<InvitationPreviewDto> GetPreviewAsync(string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindUsableAsync(token, cancellationToken);
        var store = await FindActiveStoreAsync(invitation, cancellationToken);
        return new InvitationPreviewDto(store.Name, invitation.Email, invitation.Role, invitation.ExpiresAt);
    }

    public async Task<AcceptInvitationResult> AcceptAsync(AcceptInvitationRequest request, CancellationToken cancellationToken = default)
    {
        await new AcceptInvitationValidator().ValidateOrThrowAsync(request, cancellationToken);
        var invitation = await FindUsableAsync(request.Token, cancellationToken);
        var store = await FindActiveStoreAsync(invitation, cancellationToken);

        Guid userId;
        try
        {
            userId = await users.CreateMemberAsync(store.Id, invitation.Email, request.Name?.Trim(), request.Password, invitation.Role, cancellationToken);
        }
        catch (InputValidationException e) when (e.Errors.ContainsKey("email"))
        {
            // Emails are unique across the platform, so this is also what makes a second, simultaneous use of the same
            // link fail: only one of them can create the account.
            throw new BusinessException(AgentsErrorCodes.InvitationAlreadyUsed,
                "An account with this email address already exists, so this invitation cannot be used again. Sign in instead.", 409);
        }

        using (currentTenant.Change(store.Id))
        {
            invitation.Accept(userId, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AcceptInvitationResult(userId);
    }

    private async Task<Invitation> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        Invitation? invitation = null;
        if (!string.IsNullOrWhiteSpace(token) && token.Length <= MaxTokenLength)
        {
            var hash = Invitation.HashToken(token.Trim());
            // The anonymous invitee has no tenant yet: the token is what names the store, and token hashes are unique.
            using (dataFilter.Disable<IMultiTenant>())
            {
                invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
            }
        }

        if (invitation is null)
        {
            throw new BusinessException(AgentsErrorCodes.InvitationNotFound,
                "This invitation link is not valid. Check that you opened the whole link from the email.", 404);
        }

        invitation.EnsureUsable(clock.GetUtcNow());
        return invitation;
    }

    private async Task<TenantInfoDto> FindActiveStoreAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var store = invitation.TenantId is { } tenantId ? await tenants.FindAsync(tenantId, cancellationToken) : null;
        return store is { Status: TenantStatus.Active }
            ? store
            : throw new BusinessException(AgentsErrorCodes.StoreUnavailable, "This store is not available at the moment.", 410);
    }
}
