using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// Real-time latency of the Live Chat against a running host (etc/benchmarks/LiveChatLatency/run.sh starts one on a
// throwaway PostgreSQL): a new store with <agents> agents in the panel and <shoppers> open widget conversations.
//   1. hand-off: shopper message → every online agent's ConversationQueued push (includes the AI's turn: decision,
//      empathetic reply, summary, routing, the commit);
//   2. agent message → the shopper's MessageAdded push (POST, commit, push);
//   3. beside them, a bare SignalR echo (LiveChatHub.Ping) on the same host, idle and under the chat load.
// The load is steady, not a burst: hand-offs at <handoffsPerSecond> and agent messages at <messagesPerSecond> across
// the store (defaults 5 and 10 a second: a busy store sees that in a minute, not a second).
// Usage: dotnet run -c Release -- <baseUrl> [shoppers=200] [agents=5] [messagesPerConversation=3] [handoffsPerSecond=5] [messagesPerSecond=10]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: LiveChatLatency <baseUrl> [shoppers=200] [agents=5] [messagesPerConversation=3] [handoffsPerSecond=5] [messagesPerSecond=10]");
    return 2;
}

var baseUrl = new Uri(args[0]);
var shopperCount = args.Length > 1 ? int.Parse(args[1]) : 200;
var agentCount = args.Length > 2 ? int.Parse(args[2]) : 5;
var messagesPerConversation = args.Length > 3 ? int.Parse(args[3]) : 3;
var handoffInterval = TimeSpan.FromSeconds(1.0 / (args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 5));
var messageInterval = TimeSpan.FromSeconds(1.0 / (args.Length > 5 ? double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 10));
const string Password = "Bench-pass-2026";
var handoffMessages = new[]
{
    "My order {0} arrived today and the boots are torn open, this is really disappointing",
    "I want to return the jacket from order {0}, it's the wrong size and I'm not happy",
    "order {0} was due a week ago and tracking hasn't moved, I need this sorted now",
    "this is the third time I'm asking, where is my refund for order {0}?? I want to talk to a person",
};

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
await WaitForHealthAsync(http);
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
var ownerEmail = $"owner-{stamp}@bench.example";
await PostOk(http, "/api/account/sign-up", new { storeName = $"Bench Outfitters {stamp}", name = "Bench Owner", email = ownerEmail, password = Password });
var owner = await Authorized(ownerEmail, Password);
var settings = await owner.Client.PutAsJsonAsync("/api/widget-settings", new
{
    liveChatEnabled = true,
    assistantName = "Ava",
    greeting = "Hi!",
    brandColor = "#0EA5E9",
    position = "bottom-right",
    allowedOrigins = Array.Empty<string>(),
    channels = new
    {
        whatsApp = new { enabled = true, label = "WhatsApp", value = "+14155550123" },
        messenger = new { enabled = false, label = "", value = "" },
        email = new { enabled = true, label = "Email us", value = "help@bench.example" },
        phone = new { enabled = false, label = "", value = "" },
        contactForm = new { enabled = false, label = "", value = "" },
    },
});
settings.EnsureSuccessStatusCode();
var widgetKey = (await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("widgetKey").GetString()!;

// The team: the owner and agentCount - 1 invited agents, each with a heartbeating Live Chat connection.
var agents = new List<Agent> { await Agent.ConnectAsync(baseUrl, "Bench Owner", owner.Client, owner.Token) };
for (var i = 1; i < agentCount; i++)
{
    var email = $"agent{i}-{stamp}@bench.example";
    var invitation = await owner.Client.PostAsJsonAsync("/api/team/invitations", new { email, role = "Agent" });
    invitation.EnsureSuccessStatusCode();
    var token = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    await PostOk(http, "/api/account/accept-invitation", new { token, name = $"Agent {i}", password = Password });
    var member = await Authorized(email, Password);
    agents.Add(await Agent.ConnectAsync(baseUrl, $"Agent {i}", member.Client, member.Token));
}

var echoIdle = await EchoAsync(agents, samplesPerAgent: 200, CancellationToken.None);

// Warm-up, not measured: a host that has been running has its model loaded and its queries compiled.
var warmUp = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Shopper.StartAsync(baseUrl, widgetKey, 1000 + i)));
await Task.WhenAll(warmUp.Select((shopper, i) => shopper.SayAsync(string.Format(handoffMessages[i % handoffMessages.Length], 9000 + i))));
await WaitUntil(() => warmUp.All(s => agents[0].QueuedAt.ContainsKey(s.ConversationId)), TimeSpan.FromSeconds(60), "the warm-up hand-offs reached the agents");

// The shoppers: a conversation each and a widget connection each, all open at once.
var shoppers = await Task.WhenAll(Enumerable.Range(0, shopperCount).Select(i => Shopper.StartAsync(baseUrl, widgetKey, i)));
Console.WriteLine($"{agents.Count} agents and {shoppers.Length} shopper conversations connected to {baseUrl}");

// 1. Hand-offs, paced: a message each, measured at every agent.
var handoffStarted = new ConcurrentDictionary<Guid, long>();
await Task.WhenAll(shoppers.Select(async (shopper, i) =>
{
    await Task.Delay(handoffInterval * i);
    handoffStarted[shopper.ConversationId] = Stopwatch.GetTimestamp();
    await shopper.SayAsync(string.Format(handoffMessages[i % handoffMessages.Length], 1000 + i));
}));
await WaitUntil(() => agents.All(a => shoppers.All(s => a.QueuedAt.ContainsKey(s.ConversationId))), TimeSpan.FromSeconds(60), "every agent saw every hand-off");
var handoffLatencies = agents.SelectMany(a => shoppers.Select(s => Stopwatch.GetElapsedTime(handoffStarted[s.ConversationId], a.QueuedAt[s.ConversationId]).TotalMilliseconds)).ToList();

// 2. Agents pick up (round-robin) and write, paced, while a bare echo runs beside them.
await Task.WhenAll(shoppers.Select((shopper, i) => PostOk(agents[i % agents.Count].Client, $"/api/live-chat/conversations/{shopper.ConversationId}/claim", null)));
using var echoLoad = new CancellationTokenSource();
var echoUnderLoad = EchoAsync(agents, samplesPerAgent: int.MaxValue, echoLoad.Token);
var messageLatencies = new ConcurrentBag<double>();
var messagePhase = Stopwatch.StartNew();
await Task.WhenAll(shoppers.Select(async (shopper, i) =>
{
    var agent = agents[i % agents.Count];
    for (var m = 0; m < messagesPerConversation; m++)
    {
        // Message k of the whole run is due at k × the interval: a steady rate across the conversations.
        var due = messageInterval * ((m * shoppers.Length) + i);
        if (due > messagePhase.Elapsed)
        {
            await Task.Delay(due - messagePhase.Elapsed);
        }

        var text = $"Message {m} to conversation {i}: sorry for the trouble, I'm on it.";
        var started = Stopwatch.GetTimestamp();
        var arrived = shopper.Expect(text);
        await PostOk(agent.Client, $"/api/live-chat/conversations/{shopper.ConversationId}/messages", new { clientMessageId = $"bench-{i}-{m}", text });
        messageLatencies.Add(Stopwatch.GetElapsedTime(started, await arrived.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds);
    }
}));
await echoLoad.CancelAsync();
var echoLoaded = await echoUnderLoad;

Console.WriteLine();
Console.WriteLine($"| measured ({shoppers.Length} conversations, {agents.Count} agents; {1 / handoffInterval.TotalSeconds:0.#} hand-offs/s, {1 / messageInterval.TotalSeconds:0.#} agent messages/s) | samples | p50 | p99 | max |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
Row("shopper hand-off message → agent ConversationQueued (incl. the AI turn)", handoffLatencies);
Row("agent message → shopper MessageAdded", [.. messageLatencies]);
Row("bare SignalR echo (Ping), idle", echoIdle);
Row("bare SignalR echo (Ping), during the agent messages", echoLoaded);
var p99 = Percentile([.. messageLatencies], 0.99);
Console.WriteLine();
Console.WriteLine($"target p99 < 100 ms for agent → shopper: {(p99 < 100 ? "met" : "NOT met")} ({p99:F1} ms)");

foreach (var agent in agents)
{
    await agent.DisposeAsync();
}

foreach (var shopper in shoppers)
{
    await shopper.DisposeAsync();
}

return p99 < 100 ? 0 : 1;

async Task<(HttpClient Client, string Token)> Authorized(string email, string password)
{
    var response = await http.PostAsJsonAsync("/api/account/token", new { email, password });
    response.EnsureSuccessStatusCode();
    var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return (client, token);
}

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; ; attempt++)
    {
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (attempt < 240)
        {
            // still starting: migrations run before it listens
        }

        if (attempt >= 240)
        {
            throw new TimeoutException("The host did not report healthy within 2 minutes.");
        }

        await Task.Delay(500);
    }
}

static async Task PostOk(HttpClient client, string path, object? body)
{
    var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

static async Task<List<double>> EchoAsync(List<Agent> agents, int samplesPerAgent, CancellationToken stop)
{
    var samples = await Task.WhenAll(agents.Select(async agent =>
    {
        var latencies = new List<double>();
        for (var i = 0; i < samplesPerAgent && !stop.IsCancellationRequested; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await agent.Hub.InvokeAsync<string>("Ping", "echo", CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (samplesPerAgent == int.MaxValue)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }

        return latencies;
    }));
    return samples.SelectMany(s => s).ToList();
}

static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
{
    var deadline = Stopwatch.StartNew();
    while (!condition())
    {
        if (deadline.Elapsed > timeout)
        {
            throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what}");
        }

        await Task.Delay(20);
    }
}

static double Percentile(List<double> values, double quantile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static void Row(string name, List<double> values) =>
    Console.WriteLine($"| {name} | {values.Count} | {Percentile(values, 0.5):F1} ms | {Percentile(values, 0.99):F1} ms | {values.Max():F1} ms |");

/// <summary>A Live Chat tab: its API client and hub connection, and when each queued conversation reached it.</summary>
internal sealed class Agent : IAsyncDisposable
{
    private readonly CancellationTokenSource _heartbeats = new();

    private Agent(HttpClient client, HubConnection hub)
    {
        Client = client;
        Hub = hub;
        hub.On<JsonElement>("ConversationQueued", summary => QueuedAt.TryAdd(summary.GetProperty("id").GetGuid(), Stopwatch.GetTimestamp()));
    }

    public HttpClient Client { get; }

    public HubConnection Hub { get; }

    public ConcurrentDictionary<Guid, long> QueuedAt { get; } = new();

    public static async Task<Agent> ConnectAsync(Uri baseUrl, string name, HttpClient client, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/live-chat"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        var agent = new Agent(client, hub);
        _ = agent.HeartbeatAsync();
        Console.WriteLine($"agent {name} online");
        return agent;
    }

    private async Task HeartbeatAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(_heartbeats.Token))
            {
                await Hub.InvokeAsync("Heartbeat", _heartbeats.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeats.CancelAsync();
        await Hub.DisposeAsync();
        Client.Dispose();
    }
}

/// <summary>A shopper's widget: a conversation, its visitor token, and its live connection.</summary>
internal sealed class Shopper : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _expected = new();
    private readonly HttpClient _http;
    private readonly HubConnection _hub;

    private Shopper(HttpClient http, HubConnection hub, Guid conversationId)
    {
        _http = http;
        _hub = hub;
        ConversationId = conversationId;
        hub.On<JsonElement>("MessageAdded", message =>
        {
            if (_expected.TryRemove(message.GetProperty("text").GetString() ?? string.Empty, out var waiting))
            {
                waiting.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
    }

    public Guid ConversationId { get; }

    public static async Task<Shopper> StartAsync(Uri baseUrl, string widgetKey, int index)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Widget-Key", widgetKey);
        var started = await http.PostAsJsonAsync("/api/widget/conversations", new { pageUrl = $"https://bench.example/products/{index}" });
        started.EnsureSuccessStatusCode();
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = body.GetProperty("conversationId").GetGuid();
        var visitorToken = body.GetProperty("visitorToken").GetString()!;
        http.DefaultRequestHeaders.Add("X-Visitor-Token", visitorToken);
        var query = $"key={Uri.EscapeDataString(widgetKey)}&conversationId={conversationId}&visitorToken={Uri.EscapeDataString(visitorToken)}";
        var hub = new HubConnectionBuilder().WithUrl(new Uri(baseUrl, $"/hubs/widget?{query}")).Build();
        var shopper = new Shopper(http, hub, conversationId);
        await hub.StartAsync();
        return shopper;
    }

    public async Task SayAsync(string text)
    {
        var response = await _http.PostAsJsonAsync($"/api/widget/conversations/{ConversationId}/messages", new { clientMessageId = Guid.NewGuid().ToString("N"), text });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Completes with the timestamp at which a message with this text reaches the widget.</summary>
    public Task<long> Expect(string text) => _expected.GetOrAdd(text, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }
}
