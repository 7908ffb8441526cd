using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Upsellic.Saas;

namespace Upsellic.HandoffIntelligence.HttpApi;

public static class HandoffIntelligenceEndpoints
{
    /// <summary>Maps <c>POST /api/handoff/analyze</c> for any signed-in member of a store (the handoff playground).</summary>
    public static IEndpointRouteBuilder MapHandoffIntelligenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/handoff")
            .WithTags("Handoff intelligence")
            .RequireAuthorization(SaasPolicies.TenantUser);
        group.MapPost("/analyze", AnalyzeAsync).WithName("AnalyzeHandoff");
        return endpoints;
    }

    internal static async Task<Results<Ok<HandoffAnalysisDto>, ValidationProblem>> AnalyzeAsync(
        AnalyzeConversationRequest request,
        IHandoffAnalysisAppService appService,
        CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await appService.AnalyzeAsync(request, ct));
        }
        catch (HandoffValidationException invalid)
        {
            return TypedResults.ValidationProblem(
                invalid.Errors.ToDictionary(e => e.Key, e => e.Value),
                title: "The conversation cannot be analysed.",
                extensions: new Dictionary<string, object?> { ["code"] = invalid.Code });
        }
    }
}
