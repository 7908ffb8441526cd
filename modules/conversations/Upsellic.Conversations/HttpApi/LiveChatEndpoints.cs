using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Conversations.HttpApi;

internal static class LiveChatEndpoints
{
    public static void MapLiveChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var liveChat = endpoints.MapGroup("/api/live-chat").WithTags("Live chat").RequireAuthorization(SaasPolicies.TenantUser);

        liveChat.MapGet("/conversations", async Task<Ok<IReadOnlyList<ConversationSummaryDto>>> (ConversationStatus? status, ILiveChatAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetListAsync(status, ct)));

        liveChat.MapGet("/conversations/{id:guid}", async Task<Ok<ConversationDetailDto>> (Guid id, ILiveChatAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(id, ct)));

        liveChat.MapPost("/conversations/{id:guid}/claim", async Task<Ok<ConversationSummaryDto>> (Guid id, ILiveChatAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ClaimAsync(id, ct)));

        liveChat.MapPost("/conversations/{id:guid}/messages", async Task<Accepted<MessageDto>> (Guid id, SendMessageRequest? request, ILiveChatAppService service, CancellationToken ct) =>
        {
            var message = await service.SendAsync(id, request ?? throw InputValidationException.For("body", "A request body is required."), ct);
            return TypedResults.Accepted($"/api/live-chat/conversations/{id}", message);
        });

        liveChat.MapPost("/conversations/{id:guid}/close", async Task<NoContent> (Guid id, ILiveChatAppService service, CancellationToken ct) =>
        {
            await service.CloseAsync(id, ct);
            return TypedResults.NoContent();
        });

        liveChat.MapGet("/presence", async Task<Ok<IReadOnlyList<AgentPresenceDto>>> (ILiveChatAppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetPresenceAsync(ct)));
    }
}
