using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Agents.HttpApi;

internal static class TeamEndpoints
{
    public static void MapTeamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var team = endpoints.MapGroup("/api/team").WithTags("Team").RequireAuthorization(SaasPolicies.TenantUser);

        team.MapPost("/invitations", async Task<Created<InvitationCreatedDto>> (
                InviteMemberRequest? request, HttpRequest http, ITeamAppService service, CancellationToken ct) =>
            {
                var result = await service.InviteAsync(request ?? throw BodyRequired(), SiteBaseUrl(http), ct);
                return TypedResults.Created($"/api/team/invitations/{result.InvitationId}", result);
            })
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        team.MapGet("/invitations", async Task<Ok<IReadOnlyList<InvitationDto>>> (ITeamAppService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetPendingInvitationsAsync(ct)))
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        team.MapDelete("/invitations/{id:guid}", async Task<NoContent> (Guid id, ITeamAppService service, CancellationToken ct) =>
            {
                await service.RevokeInvitationAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        team.MapGet("/members", async Task<Ok<IReadOnlyList<TeamMemberDto>>> (ITeamAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetMembersAsync(ct)));

        team.MapPut("/members/{userId:guid}/role", async Task<NoContent> (Guid userId, ChangeRoleRequest? request, ITeamAppService service, CancellationToken ct) =>
            {
                await service.ChangeRoleAsync(userId, request ?? throw BodyRequired(), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        team.MapDelete("/members/{userId:guid}", async Task<NoContent> (Guid userId, ITeamAppService service, CancellationToken ct) =>
            {
                await service.RemoveMemberAsync(userId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        team.MapGet("/profile", async Task<Ok<AgentProfileDto>> (ITeamAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetMyProfileAsync(ct)));

        team.MapPut("/profile", async Task<Ok<AgentProfileDto>> (UpdateAgentProfileRequest? request, ITeamAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UpdateMyProfileAsync(request ?? throw BodyRequired(), ct)));

        endpoints.MapPost("/api/account/accept-invitation", async Task<Created<AcceptInvitationResult>> (
                AcceptInvitationRequest? request, IInvitationAppService invitations, CancellationToken ct) =>
            {
                var result = await invitations.AcceptAsync(request ?? throw BodyRequired(), ct);
                return TypedResults.Created("/api/account/me", result);
            })
            .WithTags("Account").AllowAnonymous().RequireRateLimiting(SaasRateLimitPolicies.Account);
    }

    /// <summary>Where the accept link points: this site, as the inviting admin reached it (scheme, host, path base).</summary>
    public static string SiteBaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static InputValidationException BodyRequired() => InputValidationException.For("body", "A request body is required.");
}
