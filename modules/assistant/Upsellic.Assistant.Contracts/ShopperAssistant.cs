namespace Upsellic.Assistant;

/// <summary>Who wrote a turn of a conversation.</summary>
public enum ChatRole
{
    Shopper,
    Assistant,
    Agent,
    System,
}

public sealed record ChatTurn(ChatRole Role, string Text);

/// <summary>
/// The assistant's answer. <see cref="Topic"/> names what was asked ("shipping", "returns-policy", "payment",
/// "warranty", "policy", "product", "sizing", "stock", "compatibility", "recommendation", "order-status", "greeting",
/// "unknown"). <see cref="Answered"/> is false only for an honest "I don't know"; a refusal to disclose an order is
/// an answer. <see cref="Engine"/> is "builtin" or "llm".
/// </summary>
public sealed record AssistantReply(string Text, string Topic, bool Answered, string Engine);

public interface IShopperAssistant
{
    /// <summary>Answers the LAST shopper turn, with the earlier turns as context, from the current tenant's knowledge.</summary>
    Task<AssistantReply> ReplyAsync(IReadOnlyList<ChatTurn> conversation, CancellationToken cancellationToken = default);
}

public static class AssistantTopics
{
    public const string Shipping = "shipping";
    public const string Returns = "returns-policy";
    public const string Payment = "payment";
    public const string Warranty = "warranty";
    public const string Policy = "policy";
    public const string Product = "product";
    public const string Sizing = "sizing";
    public const string Stock = "stock";
    public const string Compatibility = "compatibility";
    public const string Recommendation = "recommendation";
    public const string OrderStatus = "order-status";
    public const string Greeting = "greeting";
    public const string Unknown = "unknown";
}

public static class AssistantEngines
{
    public const string BuiltIn = "builtin";
    public const string Llm = "llm";
}
