using Microsoft.EntityFrameworkCore;
using Upsellic.Agents.EntityFrameworkCore;
using Upsellic.Framework.EventBus;
using Upsellic.Saas;

namespace Upsellic.Agents.EventHandlers;

/// <summary>A removed member's chat profile goes with them; runs under the member's tenant.</summary>
public sealed class TeamMemberRemovedHandler(AgentsDbContext db) : ILocalEventHandler<TeamMemberRemovedEto>
{
    public async Task HandleEventAsync(TeamMemberRemovedEto eventData, CancellationToken cancellationToken) =>
        await db.Profiles.Where(p => p.UserId == eventData.UserId).ExecuteDeleteAsync(cancellationToken);
}
