using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Upsellic.Conversations.HttpApi;

/// <summary>
/// The Live Chat hub connections open on this host, so that a removed member's tabs can be cut at once. Other hosts
/// cut theirs at the next heartbeat, when the presence row they update is found gone.
/// </summary>
public sealed class LiveChatConnections
{
    private readonly ConcurrentDictionary<string, (Guid UserId, HubCallerContext Context)> _open = new();

    public void Add(Guid userId, HubCallerContext context) => _open[context.ConnectionId] = (userId, context);

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public void AbortAll(Guid userId)
    {
        foreach (var (_, connection) in _open.Where(c => c.Value.UserId == userId))
        {
            connection.Context.Abort();
        }
    }
}
