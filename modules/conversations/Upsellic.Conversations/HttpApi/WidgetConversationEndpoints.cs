using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.Domain;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.HttpApi;

internal static class WidgetConversationEndpoints
{
    public static void MapWidgetConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var widget = endpoints.MapGroup("/api/widget/conversations").WithTags("Widget")
            .AllowAnonymous()
            .RequireCors(WidgetCors.PolicyName)
            .AddEndpointFilter(async (context, next) =>
            {
                var httpContext = context.HttpContext;
                await httpContext.RequestServices.GetRequiredService<IWidgetSettingsIntegrationService>().EnsureWidgetRequestAllowedAsync(
                    httpContext.Request.Headers.Origin.ToString(), $"{httpContext.Request.Scheme}://{httpContext.Request.Host}", httpContext.RequestAborted);
                return await next(context);
            });

        widget.MapPost("/", async Task<Created<StartConversationResult>> (IWidgetConversationAppService conversations, CancellationToken ct) =>
        {
            var started = await conversations.StartAsync(ct);
            return TypedResults.Created($"/api/widget/conversations/{started.ConversationId}", started);
        }).RequireRateLimiting(ConversationsModule.StartRateLimitPolicy);

        widget.MapPost("/{id:guid}/messages", async Task<Accepted<MessageDto>> (
            Guid id,
            [FromHeader(Name = WidgetHeaders.VisitorToken)] string? visitorToken,
            SendMessageRequest? request,
            IWidgetConversationAppService conversations,
            CancellationToken ct) =>
        {
            var message = await conversations.SendAsync(id, visitorToken, request ?? throw InputValidationException.For("body", "A request body is required."), ct);
            return TypedResults.Accepted($"/api/widget/conversations/{id}?after={message.Sequence - 1}", message);
        }).RequireRateLimiting(ConversationsModule.MessageRateLimitPolicy);

        widget.MapGet("/{id:guid}", async Task<Ok<ConversationDto>> (
            Guid id,
            [FromHeader(Name = WidgetHeaders.VisitorToken)] string? visitorToken,
            long? after,
            IWidgetConversationAppService conversations,
            CancellationToken ct) => TypedResults.Ok(await conversations.GetAsync(id, visitorToken, after, ct)));
    }
}
