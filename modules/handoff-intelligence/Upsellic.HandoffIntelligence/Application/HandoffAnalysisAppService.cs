using Upsellic.HandoffIntelligence.Domain;

namespace Upsellic.HandoffIntelligence.Application;

public sealed class HandoffAnalysisAppService(
    IHandoffDetector detector,
    IEmpatheticReplyWriter replyWriter,
    IHandoffSummarizer summarizer) : IHandoffAnalysisAppService
{
    public const string TurnsField = "turns";

    public async Task<HandoffAnalysisDto> AnalyzeAsync(AnalyzeConversationRequest request, CancellationToken ct = default)
    {
        var turns = ToTurns(request);
        var decision = await detector.DecideAsync(turns, ct);
        if (!decision.Handoff || decision.Category is not { } category)
        {
            return new HandoffAnalysisDto(false, null, decision.Confidence, null, null, decision.Engine);
        }

        var reply = replyWriter.Write(category, turns, request.AgentOnline ?? true, EmpatheticReplyWriter.SeedFor(turns));
        var summary = await summarizer.SummarizeAsync(turns, category, ct);
        return new HandoffAnalysisDto(true, category, decision.Confidence, reply, summary, decision.Engine);
    }

    /// <summary>Checks the request and maps it; every refusal names the field "turns" and an error code.</summary>
    public static IReadOnlyList<ConversationTurn> ToTurns(AnalyzeConversationRequest request)
    {
        var dtos = request.Turns ?? [];
        if (dtos.Count == 0)
        {
            throw Invalid(HandoffErrorCodes.EmptyConversation, "The conversation has no turns.");
        }

        if (dtos.Count > HandoffLimits.MaxTurns)
        {
            throw Invalid(HandoffErrorCodes.TooManyTurns, $"A conversation may hold at most {HandoffLimits.MaxTurns} turns.");
        }

        var turns = new List<ConversationTurn>(dtos.Count);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            if (!TryParseRole(dto?.Role, out var role))
            {
                throw Invalid(HandoffErrorCodes.UnknownTurnRole, $"Turn {i + 1}: role must be 'shopper' or 'assistant'.");
            }

            if (string.IsNullOrWhiteSpace(dto!.Text))
            {
                throw Invalid(HandoffErrorCodes.EmptyTurnText, $"Turn {i + 1}: text is empty.");
            }

            if (dto.Text.Length > HandoffLimits.MaxTurnTextLength)
            {
                throw Invalid(HandoffErrorCodes.TurnTooLong, $"Turn {i + 1}: text is longer than {HandoffLimits.MaxTurnTextLength} characters.");
            }

            turns.Add(new ConversationTurn(role, dto.Text));
        }

        if (turns.All(t => t.Role != TurnRole.Shopper))
        {
            throw Invalid(HandoffErrorCodes.NoShopperTurn, "The conversation needs at least one shopper turn to decide on.");
        }

        return turns;
    }

    private static bool TryParseRole(string? role, out TurnRole parsed)
    {
        parsed = default;
        return role is not null
            && !int.TryParse(role, out _)
            && Enum.TryParse(role, ignoreCase: true, out parsed)
            && Enum.IsDefined(parsed);
    }

    private static HandoffValidationException Invalid(string code, string message) =>
        new(code, new Dictionary<string, string[]> { [TurnsField] = [message] });
}
