using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Agents;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Store;

/// <summary>Development only (or Email:ShowOutbox): the mail the platform would have sent, since no SMTP server is configured.</summary>
[Authorize(Policy = SaasPolicies.TenantAdmin)]
public sealed class TeamOutboxModel(IEmailOutbox outbox) : PageModel
{
    public IReadOnlyList<OutboxEmailDto> Emails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!outbox.IsVisible)
        {
            return NotFound();
        }

        Emails = await outbox.GetLatestAsync(50, cancellationToken);
        return Page();
    }
}
