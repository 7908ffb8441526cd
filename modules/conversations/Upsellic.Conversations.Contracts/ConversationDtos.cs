using System.Text.Json.Serialization;

namespace Upsellic.Conversations;

[JsonConverter(typeof(JsonStringEnumConverter<ConversationStatus>))]
public enum ConversationStatus
{
    /// <summary>The AI answers.</summary>
    Assistant,

    /// <summary>Handed off; waiting for an agent's first message.</summary>
    AwaitingAgent,

    WithAgent,
    Closed,
}

[JsonConverter(typeof(JsonStringEnumConverter<MessageRole>))]
public enum MessageRole
{
    Shopper,
    Assistant,
    Agent,
    System,
}

public sealed record MessageDto(long Sequence, MessageRole Role, string Text, string? AuthorName, DateTimeOffset CreatedAt);

/// <param name="Kind">WhatsApp, Messenger, Email, Phone or ContactForm.</param>
public sealed record ContactChannelDto(string Kind, string Label, string Href);

public sealed record ConversationDto(
    Guid Id,
    ConversationStatus Status,
    string? HandoffCategory,
    string? AssignedAgentName,
    IReadOnlyList<ContactChannelDto>? ContactChannels,
    IReadOnlyList<MessageDto> Messages);

public sealed record StartConversationResult(Guid ConversationId, string VisitorToken, string Greeting);

public sealed record SendMessageRequest(string? ClientMessageId, string? Text);

public sealed record TypingDto(MessageRole Role, string? Name);

/// <summary>The shopper's side of a conversation; every call but Start proves the visitor token.</summary>
public interface IWidgetConversationAppService
{
    Task<StartConversationResult> StartAsync(CancellationToken cancellationToken = default);

    Task<MessageDto> SendAsync(Guid conversationId, string? visitorToken, SendMessageRequest request, CancellationToken cancellationToken = default);

    Task<ConversationDto> GetAsync(Guid conversationId, string? visitorToken, long? after, CancellationToken cancellationToken = default);

    /// <summary>Throws unless the token belongs to the conversation of the current tenant.</summary>
    Task EnsureVisitorAsync(Guid conversationId, string? visitorToken, CancellationToken cancellationToken = default);
}

public static class ConversationErrorCodes
{
    public const string NotFound = "Conversations:NotFound";
    public const string Closed = "Conversations:Closed";
    public const string InvalidVisitor = "Conversations:InvalidVisitor";
}

public static class ConversationLimits
{
    public const int MaxMessageLength = 2000;
    public const int MaxClientMessageIdLength = 64;
}

/// <summary>A message was stored and committed (published after the commit).</summary>
/// <param name="HandedOff">Whether the conversation is in the agents' panel: its messages go to the agents too.</param>
public sealed record MessageAddedEto(Guid ConversationId, MessageDto Message, bool HandedOff);

/// <summary>A conversation's status, assignment or offered channels changed (published after the commit).</summary>
public sealed record ConversationUpdatedEto(Guid ConversationId);

/// <summary>A conversation was handed off and waits for an agent (published after the commit).</summary>
/// <param name="Conversation">As the Live Chat panel lists it, at the commit.</param>
public sealed record ConversationQueuedEto(Guid ConversationId, ConversationSummaryDto Conversation);
