using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Upsellic.HandoffIntelligence.Application;
using Upsellic.HandoffIntelligence.Domain;
using Upsellic.HandoffIntelligence.Llm;
using Upsellic.HandoffIntelligence.Ml;

namespace Upsellic.HandoffIntelligence;

public static class HandoffIntelligenceServiceCollectionExtensions
{
    private const string LlmHttpClientName = "Upsellic.HandoffIntelligence.Llm";

    /// <summary>
    /// Registers the handoff detector, reply writer, summarizer and app service. The local model is a singleton
    /// loaded on first use. With an LLM endpoint configured (<see cref="HandoffLlmOptions"/>), the LLM decides and
    /// summarises and the local engines are the fallback.
    /// </summary>
    public static IServiceCollection AddHandoffIntelligence(this IServiceCollection services, IConfiguration configuration)
    {
        var llmOptions = new HandoffLlmOptions();
        configuration.GetSection(HandoffLlmOptions.SharedSectionName).Bind(llmOptions);
        configuration.GetSection(HandoffLlmOptions.SectionName).Bind(llmOptions);

        services.AddSingleton(_ => SentimentLexicon.Embedded);
        services.AddSingleton(sp => LocalHandoffModel.LoadEmbedded(sp.GetRequiredService<SentimentLexicon>()));
        services.AddSingleton<LocalHandoffDetector>();
        services.AddSingleton<ExtractiveHandoffSummarizer>();
        services.AddSingleton<IEmpatheticReplyWriter, EmpatheticReplyWriter>();
        services.AddScoped<IHandoffAnalysisAppService, HandoffAnalysisAppService>();

        if (!llmOptions.IsConfigured)
        {
            services.AddSingleton<IHandoffDetector>(sp => sp.GetRequiredService<LocalHandoffDetector>());
            services.AddSingleton<IHandoffSummarizer>(sp => sp.GetRequiredService<ExtractiveHandoffSummarizer>());
            return services;
        }

        services.AddSingleton(llmOptions);
        services.AddHttpClient(LlmHttpClientName, client => client.Timeout = llmOptions.Timeout + TimeSpan.FromSeconds(1));
        services.AddSingleton(sp => new LlmChat(LlmChatClientFactory.Create(
            llmOptions,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClientName),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)));
        services.AddSingleton<IHandoffDetector>(sp => new LlmHandoffDetector(
            sp.GetRequiredService<LlmChat>().Service,
            sp.GetRequiredService<LocalHandoffDetector>(),
            llmOptions,
            sp.GetService<ILogger<LlmHandoffDetector>>() ?? NullLogger<LlmHandoffDetector>.Instance));
        services.AddSingleton<IHandoffSummarizer>(sp => new LlmHandoffSummarizer(
            sp.GetRequiredService<LlmChat>().Service,
            sp.GetRequiredService<ExtractiveHandoffSummarizer>(),
            llmOptions,
            sp.GetService<ILogger<LlmHandoffSummarizer>>() ?? NullLogger<LlmHandoffSummarizer>.Instance));
        return services;
    }

    /// <summary>Keeps the Semantic Kernel service out of the container's public surface: only this module resolves it.</summary>
    private sealed record LlmChat(Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService Service);
}
