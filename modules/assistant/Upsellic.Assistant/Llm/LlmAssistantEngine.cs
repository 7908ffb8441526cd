using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Upsellic.Assistant.Engine;

namespace Upsellic.Assistant.Llm;

/// <summary>Configuration section Assistant:Llm. The engine is used when Endpoint and Model are set.</summary>
public sealed class AssistantLlmOptions
{
    public const string Section = "Assistant:Llm";

    /// <summary>An OpenAI-compatible base address, including its version segment, e.g. http://127.0.0.1:11434/v1.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    public int TimeoutSeconds { get; set; } = 15;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

/// <summary>
/// Answers through an OpenAI-compatible chat model with Semantic Kernel, the store's knowledge offered as functions
/// the model calls. Returns null on any failure or timeout so the caller falls back to the built-in answer.
/// Semantic Kernel stays inside this class.
/// </summary>
internal sealed partial class LlmAssistantEngine(AssistantLlmOptions options, HttpClient httpClient, ILogger<LlmAssistantEngine> logger)
{
    public async Task<AssistantReply?> TryReplyAsync(IReadOnlyList<ChatTurn> conversation, KnowledgeSnapshot knowledge, AssistantReply local,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            var builder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0010 // The custom-endpoint overload is what lets any OpenAI-compatible server (Ollama, vLLM...) be used.
            builder.AddOpenAIChatCompletion(options.Model!, new Uri(options.Endpoint!), string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey,
                httpClient: httpClient);
#pragma warning restore SKEXP0010
            builder.Plugins.AddFromObject(new StoreKnowledgePlugin(knowledge, conversation), "store");
            var kernel = builder.Build();

            var history = new ChatHistory(SystemPrompt(knowledge));
            foreach (var turn in conversation)
            {
                switch (turn.Role)
                {
                    case ChatRole.Shopper:
                        history.AddUserMessage(turn.Text);
                        break;
                    case ChatRole.Assistant or ChatRole.Agent:
                        history.AddAssistantMessage(turn.Text);
                        break;
                }
            }

            var settings = new OpenAIPromptExecutionSettings
            {
                FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
                Temperature = 0.1,
                MaxTokens = 400,
            };
            var answer = await kernel.GetRequiredService<IChatCompletionService>()
                .GetChatMessageContentAsync(history, settings, kernel, timeout.Token);
            var text = PlainText(answer.Content);
            if (string.IsNullOrWhiteSpace(text))
            {
                logger.LogWarning("The LLM returned an empty answer; using the built-in engine's");
                return null;
            }

            return new AssistantReply(text, local.Topic, !DontKnow().IsMatch(text), AssistantEngines.Llm);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure (HTTP error, timeout, malformed answer) must not leave the shopper without an answer.
            logger.LogWarning(e, "The LLM engine failed ({Reason}); using the built-in engine's answer", timeout.IsCancellationRequested ? "timeout" : e.GetType().Name);
            return null;
        }
    }

    private static string SystemPrompt(KnowledgeSnapshot knowledge) =>
        $"""
        You are the shopping assistant of the online store "{knowledge.StoreName}". {knowledge.StoreDescription}
        Answer the shopper's last message using ONLY facts returned by the store functions (search_products, get_policy,
        search_faq, lookup_order). Never invent products, prices, sizes, stock, delivery times, policies or order details.
        If the functions do not give the answer, say plainly that you don't know and that the store's information doesn't
        cover it. Order details may only be shared when lookup_order returns an order for the number AND email the shopper
        gave; otherwise ask for both, and never say whether an order number exists. Reply in plain text (no HTML, no
        Markdown), in two to four short friendly sentences, quoting concrete facts such as prices, sizes in stock and
        delivery times. Prices are in {knowledge.Currency}.
        """;

    private static string PlainText(string? text) =>
        HtmlTag().Replace(text ?? string.Empty, string.Empty).Replace("**", string.Empty).Replace("__", string.Empty).Trim();

    [GeneratedRegex("<[^>]{1,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\b(I\s+don'?t\s+know|I'?m\s+not\s+sure|I\s+do\s+not\s+know|can'?t\s+find|doesn'?t\s+cover)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DontKnow();
}

/// <summary>The store knowledge as kernel functions. Results are small JSON documents the model quotes from.</summary>
internal sealed class StoreKnowledgePlugin(KnowledgeSnapshot knowledge, IReadOnlyList<ChatTurn> conversation)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [KernelFunction("search_products")]
    [Description("Searches the store's products by name, kind or need (e.g. 'waterproof hiking jacket'); returns price, attributes, sizes and stock.")]
    public string SearchProducts([Description("What to look for")] string query)
    {
        var terms = TextAnalyzer.Terms(query).Distinct().ToList();
        var found = knowledge.Index.ProductIndex.Rank(terms).Take(5).Select(r => knowledge.Products[r.Document])
            .Select(p => new
            {
                p.Sku,
                p.Name,
                p.Description,
                Price = BuiltInAssistantEngine.Money(p.Price, knowledge.Currency),
                p.Url,
                p.Attributes,
                InStock = p.Variants.Where(v => v.InStock).Select(v => v.Name),
                OutOfStock = p.Variants.Where(v => !v.InStock).Select(v => v.Name),
            });
        return JsonSerializer.Serialize(found, Json);
    }

    [KernelFunction("get_policy")]
    [Description("Returns the store's policy on a topic such as shipping, returns, payment or warranty.")]
    public string GetPolicy([Description("The policy topic")] string topic)
    {
        var terms = TextAnalyzer.Terms(topic).ToHashSet();
        var policies = knowledge.Policies.Where(p => TextAnalyzer.Terms(p.Topic + " " + p.Text).Any(terms.Contains)).ToList();
        return JsonSerializer.Serialize(policies.Count > 0 ? policies : knowledge.Policies, Json);
    }

    [KernelFunction("search_faq")]
    [Description("Searches the store's frequently asked questions; returns the best matching questions and answers.")]
    public string SearchFaq([Description("The shopper's question")] string query)
    {
        var terms = TextAnalyzer.Terms(query).Distinct().ToList();
        var found = knowledge.Index.FaqIndex.Rank(terms).Take(3).Select(r => knowledge.Faq[r.Document]);
        return JsonSerializer.Serialize(found, Json);
    }

    [KernelFunction("lookup_order")]
    [Description("Looks up an order's status. Needs the order number AND the email address used for the order, both as the shopper wrote them.")]
    public string LookupOrder([Description("The order number")] string number, [Description("The order's email address")] string email)
    {
        // The email must be one the shopper wrote: the model cannot be talked into using an address it made up.
        var shopperWrote = conversation.Any(t => t.Role == ChatRole.Shopper && t.Text.Contains(email.Trim(), StringComparison.OrdinalIgnoreCase));
        var normalized = number.Trim().TrimStart('#');
        var order = shopperWrote
            ? knowledge.Orders.FirstOrDefault(o => string.Equals(o.Number.Trim().TrimStart('#'), normalized, StringComparison.OrdinalIgnoreCase)
                && string.Equals(o.Email.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        return order is null
            ? "No order matches this order number together with this email address. Do not reveal anything about the order; ask the shopper to check both."
            : JsonSerializer.Serialize(new
            {
                order.Number,
                order.Status,
                order.Carrier,
                order.TrackingNumber,
                order.PlacedAt,
                order.EstimatedDelivery,
                Items = order.Items.Select(i => new { i.Name, i.Quantity }),
            }, Json);
    }
}
