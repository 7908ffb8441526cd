using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Upsellic.HandoffIntelligence.Llm;

internal static class LlmChatClientFactory
{
    /// <summary>A key is required by the client library even when the server ignores it (Ollama, vLLM).</summary>
    private const string PlaceholderApiKey = "not-needed";

    /// <summary>
    /// Retries are switched off: the timeout is short and the local model is a good answer, so a failing endpoint
    /// should fall back at once rather than be asked again.
    /// </summary>
    public static IChatCompletionService Create(HandoffLlmOptions options, HttpClient httpClient, ILoggerFactory loggerFactory)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderApiKey : options.ApiKey;
        var client = new OpenAIClient(new ApiKeyCredential(apiKey), clientOptions);
        return new OpenAIChatCompletionService(options.Model!, client, loggerFactory);
    }
}
