using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Upsellic.Framework.Domain;

namespace Upsellic.Saas.HttpApi;

internal static class TenantAdminEndpoints
{
    public static void MapTenantAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup("/api/admin/tenants").WithTags("Platform admin")
            .RequireAuthorization(SaasPolicies.PlatformAdmin);

        tenants.MapGet("/", async Task<Ok<IReadOnlyList<TenantDto>>> (ITenantAdminAppService admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.GetListAsync(ct)));

        tenants.MapPost("/", async Task<Created<CreateTenantResult>> (CreateTenantRequest? request, ITenantAdminAppService admin, CancellationToken ct) =>
        {
            var result = await admin.CreateAsync(request ?? throw InputValidationException.For("body", "A request body is required."), ct);
            return TypedResults.Created($"/api/admin/tenants/{result.TenantId}", result);
        });

        tenants.MapPost("/{id:guid}/disable", async Task<NoContent> (Guid id, ITenantAdminAppService admin, CancellationToken ct) =>
        {
            await admin.DisableAsync(id, ct);
            return TypedResults.NoContent();
        });

        tenants.MapPost("/{id:guid}/enable", async Task<NoContent> (Guid id, ITenantAdminAppService admin, CancellationToken ct) =>
        {
            await admin.EnableAsync(id, ct);
            return TypedResults.NoContent();
        });
    }
}
