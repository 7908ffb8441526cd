namespace Upsellic.Assistant;

public enum ChatRole
{
    Shopper,
    Assistant,
    Agent,
    System,
}

public sealed record ChatTurn(ChatRole Role, string Text);

/// <param name="Topic">What the question was about, e.g. "shipping", "order-status", "unknown".</param>
/// <param name="Answered">False for an honest "I don't know".</param>
public sealed record AssistantReply(string Text, string Topic, bool Answered, string Engine);

/// <summary>Answers the last shopper turn, with the earlier turns as context, from the current tenant's knowledge.</summary>
public interface IShopperAssistant
{
    Task<AssistantReply> ReplyAsync(IReadOnlyList<ChatTurn> conversation, CancellationToken cancellationToken = default);
}
