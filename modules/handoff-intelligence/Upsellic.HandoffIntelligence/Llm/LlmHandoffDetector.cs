using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using Upsellic.HandoffIntelligence.Ml;

namespace Upsellic.HandoffIntelligence.Llm;

/// <summary>
/// Asks the configured LLM for a structured decision. Whatever goes wrong (error, timeout, an answer that is not the
/// JSON asked for, an unknown category, a confidence outside 0..1, a handoff without a category) the local model's
/// decision is returned instead, so the chat never depends on the endpoint.
/// </summary>
internal sealed class LlmHandoffDetector(
    IChatCompletionService chat,
    LocalHandoffDetector fallback,
    HandoffLlmOptions options,
    ILogger<LlmHandoffDetector> logger) : IHandoffDetector
{
    private const string Instructions = """
        You route live-chat conversations of an online store. Decide whether the LAST shopper message, read with the
        earlier turns as context, needs a person from the store's team. Categories:
        - ReturnOrComplaint: the shopper wants to return or exchange something they bought, wants or is missing a refund, or complains about the store or its service.
        - OrderIssue: the shopper HAS a problem with an order: arrived damaged or broken, wrong or missing items, overdue or lost delivery, tracking stuck, marked delivered but not received, charged wrongly.
        - EmotionalEscalation: anger, threats, abuse, shouting, repeated failed attempts to get an answer, or urgency that needs a person now.
        - ComplexRequest: custom or personalised orders, bulk or wholesale prices, price negotiation or matching, partnerships, fraud or account security, legal matters, questions far outside a store's product knowledge, or a plain request to talk to a person.
        Routine (handoff false, category null): questions about products, sizes, compatibility, recommendations,
        shipping options and times, order status, and store policies. A question ABOUT a policy ("what if my parcel
        arrives damaged?", "what is your return policy?") is routine; a shopper who HAS the problem is a handoff.
        Mild impatience about a routine question is routine.
        Answer only with JSON: {"handoff": bool, "category": one of the categories or null, "confidence": number between 0 and 1}.
        """;

    private static readonly ChatResponseFormat DecisionFormat = ChatResponseFormat.CreateJsonSchemaFormat(
        "handoff_decision",
        BinaryData.FromString("""
            {
              "type": "object",
              "properties": {
                "handoff": { "type": "boolean" },
                "category": { "type": ["string", "null"], "enum": ["ReturnOrComplaint", "OrderIssue", "EmotionalEscalation", "ComplexRequest", null] },
                "confidence": { "type": "number" }
              },
              "required": ["handoff", "category", "confidence"],
              "additionalProperties": false
            }
            """),
        jsonSchemaIsStrict: true);

    public async Task<HandoffDecision> DecideAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var history = new ChatHistory(Instructions);
            history.AddUserMessage(Transcript(turns));
            var settings = new OpenAIPromptExecutionSettings { ResponseFormat = DecisionFormat, Temperature = 0 };
            var answer = await chat.GetChatMessageContentAsync(history, settings, kernel: null, timeout.Token);
            if (TryParse(answer.Content, out var decision))
            {
                return decision;
            }

            logger.LogWarning("The LLM answered something that is not a valid handoff decision; the local model decides. Answer: {Answer}", Truncate(answer.Content));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The LLM did not answer within {Timeout}; the local model decides.", options.Timeout);
        }
        catch (Exception exception) when (exception is HttpOperationException or HttpRequestException or System.ClientModel.ClientResultException or InvalidOperationException)
        {
            logger.LogWarning(exception, "The LLM call failed; the local model decides.");
        }

        return fallback.Decide(turns);
    }

    internal static string Transcript(IReadOnlyList<ConversationTurn> turns)
    {
        var transcript = new StringBuilder();
        foreach (var turn in turns)
        {
            transcript.Append(turn.Role.ToString().ToLowerInvariant()).Append(": ").AppendLine(turn.Text);
        }

        return transcript.ToString();
    }

    internal static bool TryParse(string? content, out HandoffDecision decision)
    {
        decision = null!;
        if (string.IsNullOrWhiteSpace(content))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(content);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("handoff", out var handoffElement) || handoffElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
                || !root.TryGetProperty("confidence", out var confidenceElement) || !confidenceElement.TryGetDouble(out var confidence)
                || confidence is < 0 or > 1 || double.IsNaN(confidence))
            {
                return false;
            }

            var handoff = handoffElement.GetBoolean();
            HandoffCategory? category = null;
            if (root.TryGetProperty("category", out var categoryElement) && categoryElement.ValueKind == JsonValueKind.String)
            {
                if (!Enum.TryParse<HandoffCategory>(categoryElement.GetString(), ignoreCase: false, out var parsed)
                    || !Enum.IsDefined(parsed))
                {
                    return false;
                }

                category = parsed;
            }

            // A handoff needs a reason and a reason means a handoff; anything else is a confused answer.
            if (handoff != category.HasValue)
            {
                return false;
            }

            decision = new HandoffDecision(handoff, category, confidence, HandoffEngines.Llm);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Truncate(string? text) => text is { Length: > 300 } ? text[..300] : text;
}
