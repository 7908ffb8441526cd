using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>A shopper's widget seen from the HTTP API: a widget key, and once started, a conversation and its visitor token.</summary>
public sealed class ShopperClient(HttpClient http, string widgetKey)
{
    public Guid ConversationId { get; private set; }

    public string VisitorToken { get; private set; } = string.Empty;

    public string WidgetKey { get; } = widgetKey;

    /// <summary>The same shopper reaching another host (or the same host after a restart).</summary>
    public ShopperClient Through(HttpClient otherHost) => new(otherHost, WidgetKey) { ConversationId = ConversationId, VisitorToken = VisitorToken };

    /// <summary>The widget's live connection to <c>/hubs/widget</c> of <paramref name="host"/>, not yet started.</summary>
    public HubConnection WidgetHub(PlatformFactory host, string? visitorToken = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(host.Server.BaseAddress, $"/hubs/widget?key={WidgetKey}&conversationId={ConversationId}&visitorToken={visitorToken ?? VisitorToken}"),
            options => options.HttpMessageHandlerFactory = _ => host.Server.CreateHandler())
        .Build();

    public async Task<JsonElement> StartAsync()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/widget/conversations", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        ConversationId = body.GetProperty("conversationId").GetGuid();
        VisitorToken = body.GetProperty("visitorToken").GetString()!;
        return body;
    }

    public Task<HttpResponseMessage> PostMessageAsync(string text, string? clientMessageId = null) =>
        SendAsync(HttpMethod.Post, $"/api/widget/conversations/{ConversationId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text });

    public async Task<JsonElement> SayAsync(string text)
    {
        var response = await PostMessageAsync(text);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public async Task<JsonElement> GetConversationAsync(long? after = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/widget/conversations/{ConversationId}" + (after is null ? "" : $"?after={after}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Asks and waits for the AI's reply to that message (it arrives as a later message).</summary>
    public async Task<string> AskAsync(string text)
    {
        var sent = await SayAsync(text);
        var reply = await WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant");
        return reply.GetProperty("text").GetString()!;
    }

    public async Task<JsonElement> WaitForMessageAsync(long afterSequence, string role, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var conversation = await GetConversationAsync(afterSequence);
            foreach (var message in conversation.GetProperty("messages").EnumerateArray())
            {
                if (message.GetProperty("role").GetString() == role)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {role} message after sequence {afterSequence} in conversation {ConversationId}.");
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? visitorToken = null, string? widgetKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Widget-Key", widgetKey ?? WidgetKey);
        if (ConversationId != Guid.Empty || visitorToken is not null)
        {
            request.Headers.Add("X-Visitor-Token", visitorToken ?? VisitorToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }
}
