namespace Upsellic.HandoffIntelligence;

/// <summary>The handoff playground and the live chat both go through this: decision, reply and summary in one call.</summary>
public interface IHandoffAnalysisAppService
{
    /// <exception cref="HandoffValidationException">The request breaks one of the rules in <see cref="HandoffErrorCodes"/>.</exception>
    Task<HandoffAnalysisDto> AnalyzeAsync(AnalyzeConversationRequest request, CancellationToken ct = default);
}

/// <param name="Turns">The conversation in order; the decision is about the last shopper turn.</param>
/// <param name="AgentOnline">Whether someone from the team is online; decides the "what happens next" of the reply. Defaults to true.</param>
public sealed record AnalyzeConversationRequest(IReadOnlyList<ConversationTurnDto>? Turns, bool? AgentOnline = null);

/// <param name="Role">"shopper", "assistant" or "agent".</param>
public sealed record ConversationTurnDto(string? Role, string? Text);

/// <param name="Category">"ReturnOrComplaint", "OrderIssue", "EmotionalEscalation", "ComplexRequest" or null.</param>
/// <param name="Reply">The empathetic reply sent to the shopper at handoff; null when there is no handoff.</param>
/// <param name="Summary">The summary for the agent; null when there is no handoff.</param>
public sealed record HandoffAnalysisDto(
    bool Handoff,
    HandoffCategory? Category,
    double Confidence,
    string? Reply,
    string? Summary,
    string Engine);
