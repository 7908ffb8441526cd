using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas;
using Upsellic.Saas.Identity;

namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>An agent in the Live Chat panel: a bearer-token API client plus a live, heartbeating hub connection.</summary>
public sealed class AgentClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Event, JsonElement Payload)> _received = new();
    private readonly CancellationTokenSource _heartbeats = new();

    private AgentClient(HttpClient api, HubConnection hub)
    {
        Api = api;
        Hub = hub;
        foreach (var name in new[] { "ConversationQueued", "ConversationUpdated", "MessageAdded", "PresenceChanged", "Typing" })
        {
            hub.On<JsonElement>(name, payload => _received.Enqueue((name, payload)));
        }
    }

    public HttpClient Api { get; }

    public HubConnection Hub { get; }

    public static async Task<AgentClient> ConnectAsync(PlatformFactory factory, HttpClient api, string accessToken)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live-chat"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        var agent = new AgentClient(api, hub);
        await hub.StartAsync();
        // StartAsync returns at the handshake; the hub records the tab just after and then tells the team. Waiting for
        // that push means a test never asks for presence before the server has it.
        await agent.WaitForAsync("PresenceChanged", _ => true, TimeSpan.FromSeconds(10));
        _ = agent.HeartbeatAsync();
        return agent;
    }

    /// <summary>What a dashboard tab does every few seconds; stopping it is how a tab "dies silently".</summary>
    public void StopHeartbeats() => _heartbeats.Cancel();

    private async Task HeartbeatAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_heartbeats.Token))
            {
                await Hub.InvokeAsync("Heartbeat", _heartbeats.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Stopped on purpose, or the connection is closed: either way this tab no longer heartbeats.
        }
    }

    public int CountReceived(string eventName, Func<JsonElement, bool> match) => _received.Count(r => r.Event == eventName && match(r.Payload));

    public async Task<JsonElement> WaitForAsync(string eventName, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = _received.FirstOrDefault(r => r.Event == eventName && match(r.Payload));
            if (found.Event is not null)
            {
                return found.Payload;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {eventName} push arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeats.CancelAsync();
        await Hub.DisposeAsync();
        _heartbeats.Dispose();
    }

    /// <summary>Adds a member with the Agent role to a store, as an invitation would.</summary>
    public static async Task<string> CreateTeamMemberAsync(PlatformFactory factory, Guid tenantId, string email, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = AppUser.Create(email, name, DateTimeOffset.UtcNow);
            (await users.CreateAsync(user, ApiExtensions.StrongPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, SaasRoles.Agent)).Succeeded.ShouldBeTrue();
        }

        return email;
    }

    public static async Task<(HttpClient Client, string Token)> TokenClientAsync(HttpClient client, string email, string password = ApiExtensions.StrongPassword)
    {
        var response = await client.RequestTokenAsync(email, password);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }
}
