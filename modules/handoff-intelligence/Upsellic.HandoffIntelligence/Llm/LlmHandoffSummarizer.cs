using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Upsellic.HandoffIntelligence.Domain;

namespace Upsellic.HandoffIntelligence.Llm;

/// <summary>The LLM's summary for the agent; the extractive summary when the endpoint fails, is slow or answers nothing usable.</summary>
internal sealed class LlmHandoffSummarizer(
    IChatCompletionService chat,
    ExtractiveHandoffSummarizer fallback,
    HandoffLlmOptions options,
    ILogger<LlmHandoffSummarizer> logger) : IHandoffSummarizer
{
    private const int MaxSummaryLength = 800;

    private const string Instructions = """
        You brief a customer-service agent who takes over a live chat from the store's assistant. Write two or three
        plain sentences, no lists, no greeting: what happened; the order number and items if the shopper gave them;
        how the shopper feels; what the assistant already answered. Use only facts from the conversation.
        """;

    public async Task<string> SummarizeAsync(IReadOnlyList<ConversationTurn> turns, HandoffCategory? category, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var history = new ChatHistory(Instructions);
            history.AddUserMessage($"Category: {category?.ToString() ?? "none"}\n{LlmHandoffDetector.Transcript(turns)}");
            var settings = new OpenAIPromptExecutionSettings { Temperature = 0.2, MaxTokens = 250 };
            var answer = await chat.GetChatMessageContentAsync(history, settings, kernel: null, timeout.Token);
            var summary = answer.Content?.Trim();
            if (!string.IsNullOrEmpty(summary) && summary.Length <= MaxSummaryLength)
            {
                return summary;
            }

            logger.LogWarning("The LLM summary was empty or too long; the extractive summary is used.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The LLM summary did not come within {Timeout}; the extractive summary is used.", options.Timeout);
        }
        catch (Exception exception) when (exception is HttpOperationException or HttpRequestException or System.ClientModel.ClientResultException or InvalidOperationException)
        {
            logger.LogWarning(exception, "The LLM summary failed; the extractive summary is used.");
        }

        return fallback.Summarize(turns, category);
    }
}
