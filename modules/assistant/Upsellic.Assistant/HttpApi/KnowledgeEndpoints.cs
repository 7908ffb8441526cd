using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Upsellic.Assistant.Domain;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Assistant.HttpApi;

internal static class KnowledgeEndpoints
{
    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var knowledge = endpoints.MapGroup("/api/knowledge").WithTags("Knowledge");

        knowledge.MapGet("/", async Task<Ok<KnowledgeDocument>> (IKnowledgeAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(ct))).RequireAuthorization(SaasPolicies.TenantUser);

        knowledge.MapPut("/", async Task<Ok<KnowledgeCounts>> (KnowledgeDocument? document, IKnowledgeAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ReplaceAsync(document ?? throw InputValidationException.For("body", "A request body is required."), ct)))
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        knowledge.MapPost("/orders", async Task<Ok<OrderDto>> (OrderDto? order, IKnowledgeAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UpsertOrderAsync(order ?? throw InputValidationException.For("body", "A request body is required."), ct)))
            .RequireAuthorization(SaasPolicies.TenantAdmin);

        // The form is read by hand rather than bound to IFormFile, which would demand an antiforgery token: the
        // dashboard cookie is SameSite=Lax, so no other site can post this form with it, and API clients use tokens.
        knowledge.MapPost("/products/import", async Task<Ok<ProductImportResult>> (HttpRequest request, IKnowledgeAppService service, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                throw InputValidationException.For("file", "Send the product file as multipart/form-data in a field named 'file'.");
            }

            if (request.ContentLength > KnowledgeLimits.MaxImportBytes + (64 * 1024))
            {
                throw InputValidationException.For("file", $"The file is larger than {KnowledgeLimits.MaxImportBytes / (1024 * 1024)} MB.");
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw InputValidationException.For("file", "Choose a JSON or CSV product file to import.");
            if (file.Length > KnowledgeLimits.MaxImportBytes)
            {
                throw InputValidationException.For("file", $"The file is larger than {KnowledgeLimits.MaxImportBytes / (1024 * 1024)} MB.");
            }

            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await service.ImportProductsAsync(stream, file.FileName, ct));
        }).RequireAuthorization(SaasPolicies.TenantAdmin);
    }
}
