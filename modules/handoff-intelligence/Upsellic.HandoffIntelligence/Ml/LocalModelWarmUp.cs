using Microsoft.Extensions.Hosting;

namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>
/// Loads the local model and runs one decision while the host starts, before it takes requests: otherwise the first
/// shoppers after a deploy wait about a second for the load (and with the LLM engine, the local model is its fallback).
/// </summary>
public sealed class LocalModelWarmUp(LocalHandoffDetector detector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        detector.Decide([new ConversationTurn(TurnRole.Shopper, "Hi, my order arrived damaged")]);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
