using System.Security.Cryptography;
using System.Text;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.Domain;

/// <summary>
/// One shopper's chat with a store: who may speak when (the AI until the handoff, then the agents), and what the
/// shopper was offered. Messages are rows of their own whose sequence the database assigns atomically.
/// </summary>
public sealed class Conversation : AggregateRoot<Guid>, IMultiTenant
{
    private Conversation()
    {
        VisitorTokenHash = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    /// <summary>SHA-256 of the visitor token: a database leak does not let anyone speak as the shopper.</summary>
    public string VisitorTokenHash { get; private set; }

    public ConversationStatus Status { get; private set; }

    /// <summary>The highest sequence handed out; incremented in the database, never in memory.</summary>
    public long LastSequence { get; private set; }

    public string? HandoffCategory { get; private set; }

    public double? HandoffConfidence { get; private set; }

    public string? Summary { get; private set; }

    public Guid? AssignedAgentId { get; private set; }

    public string? AssignedAgentName { get; private set; }

    /// <summary>The channels offered to the shopper (JSON of ContactChannelDto[]); null until offered.</summary>
    public string? ContactChannelsJson { get; private set; }

    public string? PageUrl { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    public DateTimeOffset? HandedOffAt { get; private set; }

    public DateTimeOffset? ChannelsOfferedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When an agent took the conversation (pickup time is measured from <see cref="HandedOffAt"/>).</summary>
    public DateTimeOffset? PickedUpAt { get; private set; }

    /// <summary>The first message of a person: from then on the pickup timeout has nothing to do.</summary>
    public DateTimeOffset? FirstAgentReplyAt { get; private set; }

    /// <summary>The short reference a shopper can quote on another channel.</summary>
    public string Reference => Id.ToString("N")[^8..].ToUpperInvariant();

    public static (Conversation Conversation, string VisitorToken) Start(DateTimeOffset now, string? pageUrl)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(),
            VisitorTokenHash = HashToken(token),
            Status = ConversationStatus.Assistant,
            CreatedAt = now,
            LastMessageAt = now,
            PageUrl = pageUrl is { Length: <= 500 } ? pageUrl : null,
        };
        return (conversation, token);
    }

    public bool IsVisitor(string? visitorToken) =>
        !string.IsNullOrEmpty(visitorToken) && visitorToken.Length <= 100
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashToken(visitorToken)), Encoding.ASCII.GetBytes(VisitorTokenHash));

    public void EnsureShopperMayWrite()
    {
        if (Status == ConversationStatus.Closed)
        {
            throw new BusinessException(ConversationErrorCodes.Closed, "This conversation has ended. Start a new one to keep chatting.", 409);
        }
    }

    /// <summary>The AI speaks only until the conversation is handed off; afterwards only people do.</summary>
    public bool AssistantMaySpeak => Status == ConversationStatus.Assistant;

    /// <param name="handedOff">Whether the agents see this conversation: from the stored row, which may be ahead of this copy.</param>
    public void MessageAdded(MessageDto message, bool handedOff)
    {
        LastMessageAt = message.CreatedAt;
        AddLocalEvent(new MessageAddedEto(Id, message, handedOff));
    }

    /// <summary>
    /// Hands the conversation to people: the AI falls silent; the agent queue (or the channels) take over. The queue
    /// event carries the conversation as the panel lists it, so the agents are told without another read.
    /// </summary>
    /// <param name="agentId">Routing's choice among the online agents (any online agent may still pick it up); null when nobody is online.</param>
    public void HandOff(string category, double confidence, string summary, DateTimeOffset now, Guid? agentId, string? agentName)
    {
        if (Status != ConversationStatus.Assistant)
        {
            return;
        }

        Status = ConversationStatus.AwaitingAgent;
        HandoffCategory = category;
        HandoffConfidence = confidence;
        Summary = summary;
        HandedOffAt = now;
        AssignedAgentId = agentId;
        AssignedAgentName = agentName;
        AddLocalEvent(new ConversationQueuedEto(Id, ToSummary(unread: 0)));
    }

    /// <summary>Raised after an atomic claim in the database (<see cref="ConversationStatus.WithAgent"/> is already stored).</summary>
    public void AnnounceClaim() => AddLocalEvent(new ConversationUpdatedEto(Id));

    public void RecordAgentReply(DateTimeOffset now)
    {
        FirstAgentReplyAt ??= now;
    }

    public void Close(DateTimeOffset now)
    {
        if (Status == ConversationStatus.Closed)
        {
            return;
        }

        Status = ConversationStatus.Closed;
        ClosedAt = now;
        AddLocalEvent(new ConversationUpdatedEto(Id));
    }

    /// <summary>Shows the store's other channels to the shopper; done once, kept for reloads.</summary>
    public void OfferContactChannels(string channelsJson, DateTimeOffset now)
    {
        if (ContactChannelsJson is not null || Status == ConversationStatus.Closed)
        {
            return;
        }

        ContactChannelsJson = channelsJson;
        ChannelsOfferedAt = now;
        AddLocalEvent(new ConversationUpdatedEto(Id));
    }

    /// <param name="unread">Shopper messages since the last message of a person on the store's side.</param>
    public ConversationSummaryDto ToSummary(int unread) => new(
        Id, Status, HandoffCategory, Summary, AssignedAgentId, AssignedAgentName, LastMessageAt, HandedOffAt, ContactChannelsJson is not null, unread);

    private static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class Message : Entity<Guid>, IMultiTenant
{
    private Message()
    {
        Text = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    public Guid ConversationId { get; private set; }

    public long Sequence { get; private set; }

    public MessageRole Role { get; private set; }

    public string Text { get; private set; }

    public string? AuthorName { get; private set; }

    /// <summary>The client's id for the message: a retry with the same id returns this message instead of a copy.</summary>
    public string? ClientMessageId { get; private set; }

    /// <summary>For an AI reply: the shopper message it answers, so a job that runs twice answers once.</summary>
    public long? ReplyToSequence { get; private set; }

    public Guid? AuthorUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Message Create(Guid conversationId, long sequence, MessageRole role, string text, string? authorName,
        string? clientMessageId, long? replyToSequence, Guid? authorUserId, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversationId,
            Sequence = sequence,
            Role = role,
            Text = text,
            AuthorName = authorName,
            ClientMessageId = clientMessageId,
            ReplyToSequence = replyToSequence,
            AuthorUserId = authorUserId,
            CreatedAt = now,
        };

    public MessageDto ToDto() => new(Sequence, Role, Text, AuthorName, CreatedAt);
}
