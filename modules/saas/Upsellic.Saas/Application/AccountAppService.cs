using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Upsellic.Framework.Domain;
using Upsellic.Saas.EntityFrameworkCore;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas.Application;

public sealed class AccountAppService(
    TenantProvisioner provisioner,
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
    SaasDbContext db,
    IHttpContextAccessor httpContextAccessor) : IAccountAppService
{
    public async Task<SignUpResult> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        var (tenant, owner) = await provisioner.CreateAsync(
            new NewStore(request.StoreName, request.Name, request.Email, request.Password), cancellationToken);
        return new SignUpResult(tenant.Id, owner.Id);
    }

    public async Task SignInWithCookieAsync(string? email, string? password, bool rememberMe, CancellationToken cancellationToken = default)
    {
        var user = await CheckCredentialsAsync(email, password, cancellationToken);
        await signInManager.SignInAsync(user, rememberMe);
    }

    public async Task SignInWithCookieAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByIdAsync(userId.ToString())
            ?? throw new EntityNotFoundException("User", userId);
        await signInManager.SignInAsync(user, isPersistent: false);
    }

    public Task SignOutAsync() => signInManager.SignOutAsync();

    public async Task<CurrentUserDto?> GetCurrentUserAsync(CancellationToken cancellationToken = default)
    {
        var principal = httpContextAccessor.HttpContext?.User;
        var userId = principal is null ? null : userManager.GetUserId(principal);
        var user = userId is null ? null : await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var tenantName = user.TenantId is { } tenantId
            ? await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var roles = await userManager.GetRolesAsync(user);
        return new CurrentUserDto(user.Id, user.DisplayName, user.Email!, user.TenantId, tenantName, [.. roles.Order()]);
    }

    /// <summary>Checks email and password with lockout, then that the user's store is active. One message for unknown email and wrong password.</summary>
    internal async Task<AppUser> CheckCredentialsAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await userManager.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            throw InvalidCredentials();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new BusinessException(SaasErrorCodes.LockedOut,
                "Too many failed sign-in attempts. The account is locked for a few minutes; try again later.", StatusCodes.Status401Unauthorized);
        }

        if (!result.Succeeded)
        {
            throw InvalidCredentials();
        }

        if (user.TenantId is { } tenantId && !await db.Tenants.AnyAsync(t => t.Id == tenantId && t.Status == TenantStatus.Active, cancellationToken))
        {
            throw new BusinessException(SaasErrorCodes.TenantDisabled,
                "This store has been disabled by the platform administrator.", StatusCodes.Status401Unauthorized);
        }

        return user;
    }

    internal async Task<ClaimsPrincipal> CreatePrincipalAsync(AppUser user) => await signInManager.CreateUserPrincipalAsync(user);

    private static BusinessException InvalidCredentials() =>
        new(SaasErrorCodes.InvalidCredentials, "The email or password is not correct.", StatusCodes.Status401Unauthorized);
}
