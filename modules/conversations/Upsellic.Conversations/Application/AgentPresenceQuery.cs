using Upsellic.Agents;

namespace Upsellic.Conversations.Application;

/// <summary>Tells the Team page who is online in the Live Chat panel (presence lives with the live-chat hub).</summary>
public sealed class AgentPresenceQuery(AgentPresenceStore presence) : IAgentPresenceQuery
{
    public async Task<IReadOnlySet<Guid>> GetOnlineUserIdsAsync(CancellationToken cancellationToken) =>
        (await presence.GetAsync(cancellationToken)).Select(p => p.UserId).ToHashSet();
}
