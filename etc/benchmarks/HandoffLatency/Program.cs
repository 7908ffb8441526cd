using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.HandoffIntelligence;

// Decision latency of the local engine as the application uses it (resolved from DI, model loaded once), over the
// dev-set messages and a few multi-turn conversations. Usage: dotnet run -c Release -- [decisions=5000]
var decisions = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5000;
var services = new ServiceCollection().AddHandoffIntelligence(new ConfigurationBuilder().Build()).BuildServiceProvider();

var loading = Stopwatch.StartNew();
var detector = services.GetRequiredService<IHandoffDetector>();
await detector.DecideAsync([new ConversationTurn(TurnRole.Shopper, "hello")]);
Console.WriteLine($"model load + first decision: {loading.Elapsed.TotalMilliseconds:F0} ms");

var devSet = Path.Combine(AppContext.BaseDirectory, "HandoffIntelligenceData", "handoff-dev.csv");
var conversations = File.ReadLines(devSet).Skip(1)
    .Select(line => line.Split(',')[0].Trim('"'))
    .Where(text => text.Length > 0)
    .Select(text => (IReadOnlyList<ConversationTurn>)[new ConversationTurn(TurnRole.Shopper, text)])
    .Append([
        new ConversationTurn(TurnRole.Shopper, "where is my order #4410?"),
        new ConversationTurn(TurnRole.Assistant, "I'm sorry, I couldn't find an order with that number."),
        new ConversationTurn(TurnRole.Shopper, "it's 4410, I got the confirmation email"),
        new ConversationTurn(TurnRole.Assistant, "I'm sorry, I don't have information about that order."),
        new ConversationTurn(TurnRole.Shopper, "this is useless, where is my order"),
    ])
    .ToArray();

var latencies = new double[decisions];
for (var i = 0; i < decisions; i++)
{
    var started = Stopwatch.GetTimestamp();
    await detector.DecideAsync(conversations[i % conversations.Length]);
    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

Array.Sort(latencies);
double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine($"{decisions} decisions: p50 {Percentile(0.50):F3} ms   p95 {Percentile(0.95):F3} ms   p99 {Percentile(0.99):F3} ms   max {latencies[^1]:F3} ms");
return Percentile(0.95) <= 20 ? 0 : 1;
