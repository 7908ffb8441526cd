namespace Upsellic.Conversations;

/// <summary>A conversation as the Live Chat panel lists it.</summary>
public sealed record ConversationSummaryDto(
    Guid Id,
    ConversationStatus Status,
    string? HandoffCategory,
    string? Summary,
    Guid? AssignedAgentId,
    string? AssignedAgentName,
    DateTimeOffset LastMessageAt,
    DateTimeOffset? HandedOffAt,
    bool ChannelsOffered,
    int Unread);

public sealed record ShopperInfoDto(string Reference, string? PageUrl, DateTimeOffset StartedAt);

public sealed record ConversationDetailDto(
    Guid Id,
    ConversationStatus Status,
    string? HandoffCategory,
    string? Summary,
    Guid? AssignedAgentId,
    string? AssignedAgentName,
    DateTimeOffset LastMessageAt,
    IReadOnlyList<ContactChannelDto>? ContactChannels,
    IReadOnlyList<MessageDto> Messages,
    ShopperInfoDto Shopper);

public sealed record AgentPresenceDto(Guid UserId, string Name, string Status);

/// <summary>The agent's side of a conversation (the Live Chat panel and its API).</summary>
public interface ILiveChatAppService
{
    Task<IReadOnlyList<ConversationSummaryDto>> GetListAsync(ConversationStatus? status, CancellationToken cancellationToken = default);

    Task<ConversationDetailDto> GetAsync(Guid conversationId, CancellationToken cancellationToken = default);

    /// <summary>Takes the conversation for the signed-in agent; exactly one of two simultaneous claims wins (409 for the other).</summary>
    Task<ConversationSummaryDto> ClaimAsync(Guid conversationId, CancellationToken cancellationToken = default);

    Task<MessageDto> SendAsync(Guid conversationId, SendMessageRequest request, CancellationToken cancellationToken = default);

    Task CloseAsync(Guid conversationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgentPresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default);
}

public static class LiveChatErrorCodes
{
    public const string AlreadyClaimed = "LiveChat:AlreadyClaimed";
    public const string NotClaimable = "LiveChat:NotClaimable";
    public const string NotYours = "LiveChat:NotYours";
}

/// <summary>Platform setting: how long an agent has to answer a handed-off conversation before the channels are shown.</summary>
public sealed class LiveChatOptions
{
    public const string Section = "LiveChat";

    public TimeSpan PickupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A dashboard tab that stops heartbeating stops counting after this long.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often each host's watcher looks for conversations waiting for an agent who has left (offline or away), for
    /// lost pickup timers and for shopper messages whose AI turn was lost.
    /// </summary>
    public TimeSpan AbsenceCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an agent must stay away before their waiting conversations move on (a reconnecting tab is not gone).</summary>
    public TimeSpan AbsenceGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past its pickup timeout an unanswered handoff, still without the channels, counts as having lost its
    /// timeout job (the host died between the handoff's commit and the job's scheduling): the watcher then offers them.
    /// </summary>
    public TimeSpan LostPickupTimeoutGrace { get; set; } = TimeSpan.FromSeconds(15);
}
