using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.WidgetSettings.HttpApi;

internal static class WidgetSettingsEndpoints
{
    public static void MapWidgetSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/widget-settings").WithTags("Widget settings")
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        settings.MapGet("/", async Task<Ok<WidgetSettingsDto>> (IWidgetSettingsAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(ct)));

        settings.MapPut("/", async Task<Ok<WidgetSettingsDto>> (UpdateWidgetSettingsRequest? request, IWidgetSettingsAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UpdateAsync(request ?? throw InputValidationException.For("body", "A request body is required."), ct)));

        settings.MapPost("/rotate-key", async Task<Ok<RotateKeyResult>> (IWidgetSettingsAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.RotateKeyAsync(ct)));

        // Public: what the widget loader needs to draw its button. The key (resolved to the tenant) is the only input.
        endpoints.MapGet("/api/widget/settings", async Task<Ok<PublicWidgetSettingsDto>> (
                HttpContext httpContext, IWidgetSettingsIntegrationService widget, CancellationToken ct) =>
            {
                await WidgetRequestGuard.EnsureAllowedAsync(httpContext, widget, ct);
                return TypedResults.Ok(await widget.GetPublicSettingsAsync(ct));
            })
            .WithTags("Widget").AllowAnonymous().RequireCors(WidgetCors.PolicyName);
    }
}

/// <summary>Every widget request: a known key, and a page origin the store allows.</summary>
internal static class WidgetRequestGuard
{
    public static Task EnsureAllowedAsync(HttpContext httpContext, IWidgetSettingsIntegrationService widget, CancellationToken cancellationToken) =>
        widget.EnsureWidgetRequestAllowedAsync(httpContext.Request.Headers.Origin.ToString(),
            $"{httpContext.Request.Scheme}://{httpContext.Request.Host}", cancellationToken);
}
