using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Saas.Identity;

/// <summary>
/// Checks on every request that the user behind a cookie or bearer token still exists with the security stamp the
/// session was issued with. A removed member is refused on their very next request, on every host instance, without
/// waiting for the cookie or token to expire. One primary-key lookup of one column per request.
/// </summary>
public sealed class UserSessions(SaasDbContext db, IDataFilter dataFilter, IOptions<IdentityOptions> identityOptions)
{
    public enum Verdict
    {
        Current,
        /// <summary>The user exists but something about them changed (their role): the claims must be rebuilt.</summary>
        Stale,
        Ended,
    }

    public async Task<Verdict> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var claims = identityOptions.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId))
        {
            return Verdict.Ended;
        }

        string? stamp;
        // Authentication runs before the tenant is known, and user ids are unique across the platform.
        using (dataFilter.Disable<IMultiTenant>())
        {
            var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return Verdict.Ended;
            }

            stamp = row.SecurityStamp;
        }

        return stamp == principal.FindFirstValue(claims.SecurityStampClaimType) ? Verdict.Current : Verdict.Stale;
    }

    /// <summary>
    /// The dashboard cookie: a removed user is signed out; a user whose role changed gets fresh claims in a renewed
    /// cookie, so a demoted admin loses admin pages on the next request without having to sign in again.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var verdict = await services.GetRequiredService<UserSessions>().CheckAsync(principal, context.HttpContext.RequestAborted);
        switch (verdict)
        {
            case Verdict.Ended:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                break;
            case Verdict.Stale:
                var userManager = services.GetRequiredService<UserManager<AppUser>>();
                var user = await userManager.GetUserAsync(principal);
                if (user is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                context.ReplacePrincipal(await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user));
                context.ShouldRenew = true;
                break;
        }
    }

    /// <summary>
    /// A bearer token cannot be reissued in place, so any change (removal or new role) ends it: the client asks for a
    /// new token, which carries the current role. Called from the bearer handler's message-received event with the
    /// token it is about to accept.
    /// </summary>
    public static async Task ValidateBearerTokenAsync(MessageReceivedContext context, string token)
    {
        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        if (ticket?.Principal is not { } principal)
        {
            return; // not a token of ours: the handler refuses it on its own
        }

        var verdict = await context.HttpContext.RequestServices.GetRequiredService<UserSessions>()
            .CheckAsync(principal, context.HttpContext.RequestAborted);
        if (verdict != Verdict.Current)
        {
            context.Fail("The session has ended: the account was removed or changed. Request a new token.");
        }
    }
}
