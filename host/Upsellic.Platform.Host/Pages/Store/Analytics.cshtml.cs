using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Conversations;

namespace Upsellic.Platform.Host.Pages.Store;

public sealed class AnalyticsModel(IConversationInsightsAppService insights) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    public ConversationAnalytics Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await insights.GetAnalyticsAsync(Days, cancellationToken);
}
