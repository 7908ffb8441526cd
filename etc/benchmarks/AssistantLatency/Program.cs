using System.Diagnostics;
using System.Text.Json;
using Upsellic.Assistant;
using Upsellic.Assistant.Data;
using Upsellic.Assistant.Engine;

// Reply latency of the built-in assistant engine over the demo store's knowledge (the JSON embedded in the module), as
// the widget path uses it: one snapshot per tenant, built once, then a reply per shopper message. The questions are
// generated from the knowledge itself (every product by name, with attribute, stock, size and compatibility
// phrasings, plus policy, order, recommendation and small-talk questions) so they cover every code path.
// Usage: dotnet run -c Release -- [replies=5000]     or: dotnet run -c Release -- ask "question" ["next turn" ...]
// "ask --store file.json ...": a knowledge document, or an evaluation store file with a "knowledge" member.
var storeFile = args.Length > 2 && args[0] == "ask" && args[1] == "--store" ? args[2] : null;
var knowledge = KnowledgeSnapshot.FromDocument(storeFile is null ? DemoStoreKnowledgeSeedContributor.LoadDocument() : ReadDocument(storeFile));
var engine = new BuiltInAssistantEngine();

if (args.Length > 1 && args[0] == "ask")
{
    var turns = new List<ChatTurn>();
    foreach (var text in args.Skip(storeFile is null ? 1 : 3))
    {
        turns.Add(new ChatTurn(ChatRole.Shopper, text));
        var reply = engine.Reply(turns, knowledge);
        turns.Add(new ChatTurn(ChatRole.Assistant, reply.Text));
        Console.WriteLine($"> {text}\n  [{reply.Topic}, answered={reply.Answered}] {reply.Text}");
    }

    return 0;
}

var replies = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5000;

var building = Stopwatch.StartNew();
engine.Reply([new ChatTurn(ChatRole.Shopper, "hello")], knowledge);
Console.WriteLine($"index build + first reply: {building.Elapsed.TotalMilliseconds:F1} ms");

var questions = Questions(knowledge).ToArray();
Console.WriteLine($"{questions.Length} distinct conversations generated from the demo store's knowledge");

// Warm-up: JIT and regex compilation are a one-off cost per process, not a per-reply latency.
foreach (var conversation in questions.Take(200))
{
    engine.Reply(conversation, knowledge);
}

var latencies = new double[replies];
for (var i = 0; i < replies; i++)
{
    var started = Stopwatch.GetTimestamp();
    engine.Reply(questions[i % questions.Length], knowledge);
    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

Array.Sort(latencies);
double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine($"{replies} replies: p50 {Percentile(0.50):F3} ms   p95 {Percentile(0.95):F3} ms   p99 {Percentile(0.99):F3} ms   max {latencies[^1]:F3} ms");
return Percentile(0.95) <= 300 ? 0 : 1;

static KnowledgeDocument ReadDocument(string file)
{
    var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    using var json = JsonDocument.Parse(File.ReadAllText(file));
    var element = json.RootElement.TryGetProperty("knowledge", out var inner) ? inner : json.RootElement;
    return element.Deserialize<KnowledgeDocument>(options) ?? throw new InvalidOperationException($"{file} holds no knowledge document");
}

static IEnumerable<IReadOnlyList<ChatTurn>> Questions(KnowledgeSnapshot knowledge)
{
    static IReadOnlyList<ChatTurn> Ask(params string[] turns) => turns.Select(t => new ChatTurn(ChatRole.Shopper, t)).ToList();

    foreach (var product in knowledge.Products)
    {
        var name = product.Name;
        var shortName = string.Join(' ', name.Split(' ').Take(2)).ToLowerInvariant();
        yield return Ask($"how much is the {name}?");
        yield return Ask($"tell me about the {shortName}");
        yield return Ask($"is the {shortName} waterproof");
        yield return Ask($"how heavy is the {name}");
        yield return Ask($"what is the {shortName} made of?");
        yield return Ask($"what size should i get in the {name}, does it run small");
        yield return Ask($"will the {shortName} fit my 40 l pack");
        yield return Ask($"is the {name} compatible with a hydration bladder?");
        foreach (var variant in product.Variants.Take(3))
        {
            yield return Ask($"do you have the {shortName} in {variant.Name}?");
        }

        foreach (var attribute in product.Attributes.Take(3))
        {
            yield return Ask($"whats the {attribute.Key} of the {shortName}");
        }

        yield return Ask($"Tell me about the {name}", "and how heavy is it", "do you have it in M?");
    }

    for (var i = 0; i + 1 < knowledge.Products.Count; i += 2)
    {
        yield return Ask($"what's the difference between the {knowledge.Products[i].Name} and the {knowledge.Products[i + 1].Name}");
    }

    foreach (var faq in knowledge.Faq)
    {
        yield return Ask(faq.Question);
        yield return Ask(faq.Question.ToLowerInvariant().TrimEnd('?') + " pls");
    }

    string[] routine =
    [
        "how long does shipping take", "do u ship to germany", "how much is delivery to canada", "is shipping free",
        "whats your return policy", "can i send it back if it doesnt fit", "do you take paypal", "can i pay in instalments",
        "what warranty do tents have", "my zipper broke is it covered", "where is my order", "can i cancel my order",
        "recommend a warm jacket for hiking under $200", "i need a tent for 2 people", "something for winter camping",
        "best backpack for a day hike", "hello", "thanks!", "bye", "do you sell kayaks", "can i rent skis",
        "my chest is 100 cm which size", "do you price match", "do you have a store in portland",
    ];
    foreach (var text in routine)
    {
        yield return Ask(text);
    }

    foreach (var order in knowledge.Orders)
    {
        yield return Ask($"where is my order {order.Number}? my email is {order.Email}");
        yield return Ask($"status of {order.Number} please, email someone.else@example.com");
        yield return Ask($"hi where is my order {order.Number}", order.Email);
    }
}
