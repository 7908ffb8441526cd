namespace Upsellic.HandoffIntelligence.Llm;

/// <summary>
/// An OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM…). Read from
/// <c>HandoffIntelligence:Llm</c>, else from the shared <c>Llm</c> section. Without Endpoint and Model the local model
/// decides alone.
/// </summary>
public sealed class HandoffLlmOptions
{
    public const string SectionName = "HandoffIntelligence:Llm";
    public const string SharedSectionName = "Llm";

    /// <summary>Base address including the API version path, e.g. "https://api.openai.com/v1" or "http://localhost:11434/v1".</summary>
    public string? Endpoint { get; set; }

    /// <summary>Optional: local servers such as Ollama need none.</summary>
    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>After this the local model's answer is used instead; a shopper should not wait on a slow endpoint.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    public bool IsConfigured =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out _) && !string.IsNullOrWhiteSpace(Model);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 8);
}
