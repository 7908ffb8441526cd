using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Upsellic.Framework.Domain;
using Upsellic.Saas.Application;

namespace Upsellic.Saas.HttpApi;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/api/account").WithTags("Account");

        account.MapPost("/sign-up", async Task<Created<SignUpResult>> (SignUpRequest? request, IAccountAppService accounts, CancellationToken ct) =>
        {
            var result = await accounts.SignUpAsync(request ?? throw InputValidationException.For("body", "A request body is required."), ct);
            // The API client asked for a store; sign it in too, as the page does, so a browser lands in the dashboard.
            await accounts.SignInWithCookieAsync(result.UserId, ct);
            return TypedResults.Created("/api/account/me", result);
        }).AllowAnonymous().RequireRateLimiting(SaasModule.AccountRateLimitPolicy);

        account.MapPost("/token", async Task<SignInHttpResult> (TokenRequest? request, AccountAppService accounts, CancellationToken ct) =>
        {
            var user = await accounts.CheckCredentialsAsync(request?.Email, request?.Password, ct);
            var principal = await accounts.CreatePrincipalAsync(user);
            // The bearer-token handler writes {tokenType, accessToken, expiresIn, refreshToken}.
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().RequireRateLimiting(SaasModule.AccountRateLimitPolicy);

        account.MapGet("/me", async Task<Results<Ok<CurrentUserDto>, UnauthorizedHttpResult>> (IAccountAppService accounts, CancellationToken ct) =>
            await accounts.GetCurrentUserAsync(ct) is { } me ? TypedResults.Ok(me) : TypedResults.Unauthorized())
            .RequireAuthorization();
    }
}
