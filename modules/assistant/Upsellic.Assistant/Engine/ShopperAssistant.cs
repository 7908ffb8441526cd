using Upsellic.Assistant.Llm;

namespace Upsellic.Assistant.Engine;

/// <summary>
/// The assistant other modules call. The built-in engine always answers first (it is fast and gives the topic); when
/// an LLM is configured its grounded answer is preferred, and any failure or timeout of the LLM falls back to the
/// built-in answer, so a shopper always gets one.
/// </summary>
public sealed class ShopperAssistant : IShopperAssistant
{
    private readonly IKnowledgeSnapshotSource _knowledge;
    private readonly BuiltInAssistantEngine _builtIn;
    private readonly LlmAssistantEngine? _llm;

    public ShopperAssistant(IKnowledgeSnapshotSource knowledge, BuiltInAssistantEngine builtIn)
        : this(knowledge, builtIn, null)
    {
    }

    internal ShopperAssistant(IKnowledgeSnapshotSource knowledge, BuiltInAssistantEngine builtIn, LlmAssistantEngine? llm)
    {
        _knowledge = knowledge;
        _builtIn = builtIn;
        _llm = llm;
    }

    public async Task<AssistantReply> ReplyAsync(IReadOnlyList<ChatTurn> conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var knowledge = await _knowledge.GetAsync(cancellationToken);
        var local = _builtIn.Reply(conversation, knowledge);
        if (_llm is null)
        {
            return local;
        }

        return await _llm.TryReplyAsync(conversation, knowledge, local, cancellationToken) ?? local;
    }
}
