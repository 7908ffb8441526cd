using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.Domain;

/// <summary>
/// One open Live Chat tab of an agent. Presence is read from these rows (shared by every host instance): an agent is
/// online while one of their rows has a recent heartbeat, so a tab that dies silently stops counting on its own.
/// </summary>
public sealed class AgentConnection : IMultiTenant
{
    private AgentConnection()
    {
        ConnectionId = AgentName = string.Empty;
    }

    public string ConnectionId { get; private set; }

    public Guid? TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public string AgentName { get; private set; }

    public DateTimeOffset ConnectedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public static AgentConnection Open(string connectionId, Guid userId, string agentName, DateTimeOffset now) => new()
    {
        ConnectionId = connectionId,
        UserId = userId,
        AgentName = agentName,
        ConnectedAt = now,
        LastSeenAt = now,
    };
}

/// <summary>An agent's own choice to be away: online but not receiving new conversations.</summary>
public sealed class AgentAvailability : IMultiTenant
{
    public Guid UserId { get; private set; }

    public Guid? TenantId { get; private set; }

    public bool Away { get; private set; }

    public static AgentAvailability For(Guid userId) => new() { UserId = userId };

    public void SetAway(bool away) => Away = away;
}
