using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upsellic.Framework.Domain;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Framework.Validation;
using Upsellic.Saas.EntityFrameworkCore;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas.Application;

internal sealed record NewMember(string? Email, string? Name, string? Password);

internal sealed class NewMemberValidator : AbstractValidator<NewMember>
{
    public NewMemberValidator()
    {
        RuleFor(m => m.Name).PersonName();
        RuleFor(m => m.Email).SignInEmail();
        RuleFor(m => m.Password).NewPassword();
    }
}

/// <summary>The store's people, for the Agents module (see <see cref="ITenantUserService"/>).</summary>
public sealed class TenantUserService(
    SaasDbContext db,
    UserManager<AppUser> userManager,
    ICurrentTenant currentTenant,
    ILocalEventBus eventBus,
    TimeProvider clock) : ITenantUserService
{
    public async Task<Guid> CreateMemberAsync(Guid tenantId, string email, string? name, string? password, string role,
        CancellationToken cancellationToken = default)
    {
        var assignable = SaasRoles.NormalizeAssignable(role)
            ?? throw new BusinessException(SaasErrorCodes.InvalidRole, "A member is an Admin or an Agent.", field: "role");
        var member = new NewMember(email, name, password);
        var validation = await new NewMemberValidator().ValidateAsync(member, cancellationToken);
        var errors = validation.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (!string.IsNullOrEmpty(password) && !errors.ContainsKey("email"))
        {
            var passwordErrors = await userManager.ValidatePasswordAsync(AppUser.Create(email, name ?? string.Empty, clock.GetUtcNow()), password);
            if (passwordErrors.Length > 0)
            {
                errors["password"] = passwordErrors;
            }
        }

        if (!errors.ContainsKey("email") && await IsEmailTakenAsync(email, cancellationToken))
        {
            errors["email"] = ["An account with this email address already exists."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var user = AppUser.Create(email, name!, clock.GetUtcNow());
        using (currentTenant.Change(tenantId))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                IdentityErrorFields.ThrowOnFailure(await userManager.CreateAsync(user, password!));
                IdentityErrorFields.ThrowOnFailure(await userManager.AddToRoleAsync(user, assignable));
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same address signed up, or the same invitation was accepted, between our check and the insert.
                throw InputValidationException.For("email", "An account with this email address already exists.");
            }
        }

        return user.Id;
    }

    public async Task<bool> IsEmailTakenAsync(string email, CancellationToken cancellationToken = default) =>
        await userManager.FindByEmailAsync(email.Trim()) is not null;

    public async Task<IReadOnlyList<TenantMemberDto>> ListMembersAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        var rows = await MembersQuery(db.Users.Where(u => u.TenantId == tenantId).OrderBy(u => u.CreatedAt)).ToListAsync(cancellationToken);
        return rows.Select(ToDto).ToList();
    }

    public async Task<TenantMemberDto?> FindMemberAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        var row = await MembersQuery(db.Users.Where(u => u.TenantId == tenantId && u.Id == userId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToDto(row);
    }

    public async Task ChangeRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default)
    {
        var assignable = SaasRoles.NormalizeAssignable(role)
            ?? throw new BusinessException(SaasErrorCodes.InvalidRole, "Choose Admin or Agent.", field: "role");
        var user = await FindMemberUserAsync(userId, cancellationToken);
        var roles = await userManager.GetRolesAsync(user);
        if (roles.Contains(SaasRoles.Owner))
        {
            throw OwnerProtected("The store owner's role cannot be changed.");
        }

        if (roles.Count == 1 && roles[0] == assignable)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityErrorFields.ThrowOnFailure(await userManager.RemoveFromRolesAsync(user, roles));
        IdentityErrorFields.ThrowOnFailure(await userManager.AddToRoleAsync(user, assignable));
        // A new stamp tells every session of the member that its claims are stale (see UserSessions).
        IdentityErrorFields.ThrowOnFailure(await userManager.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveMemberAsync(Guid userId, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        if (userId == actingUserId)
        {
            throw new BusinessException(SaasErrorCodes.CannotRemoveYourself, "You cannot remove yourself from the team.", 403);
        }

        var user = await FindMemberUserAsync(userId, cancellationToken);
        if (await userManager.IsInRoleAsync(user, SaasRoles.Owner))
        {
            throw OwnerProtected("The store owner cannot be removed.");
        }

        // Deleting the row (its roles go with it) is what ends the member's sessions: every cookie and bearer token is
        // checked against the user's row and security stamp on each request (UserSessions), and the row is gone.
        IdentityErrorFields.ThrowOnFailure(await userManager.DeleteAsync(user));
        await eventBus.PublishAsync(new TeamMemberRemovedEto(tenantId, userId), tenantId, cancellationToken);
    }

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException(SaasErrorCodes.TenantNotFound, "Team members belong to a store.", 403);

    /// <summary>The member by id within the current tenant: the tenant filter makes another store's user "not found".</summary>
    private async Task<AppUser> FindMemberUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        RequireTenant();
        return await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new BusinessException(SaasErrorCodes.MemberNotFound, "This person is not a member of the store.", 404);
    }

    /// <summary>Projects users to rows with their role names; filter and order <paramref name="users"/> first (a constructed row cannot be translated).</summary>
    private IQueryable<MemberRow> MembersQuery(IQueryable<AppUser> users) =>
        users.AsNoTracking()
            .Select(u => new MemberRow(u.Id, u.DisplayName, u.Email!, u.CreatedAt,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()));

    private static TenantMemberDto ToDto(MemberRow row) =>
        new(row.Id, row.Name, row.Email, PrimaryRole(row.Roles), row.CreatedAt);

    /// <summary>A member holds one tenant role; should data ever hold more, the strongest is the one shown.</summary>
    private static string PrimaryRole(IReadOnlyCollection<string> roles) =>
        SaasRoles.TenantRoles.FirstOrDefault(roles.Contains) ?? SaasRoles.Agent;

    private static BusinessException OwnerProtected(string message) => new(SaasErrorCodes.OwnerProtected, message, 403);

    private sealed record MemberRow(Guid Id, string Name, string Email, DateTimeOffset CreatedAt, List<string> Roles);
}
