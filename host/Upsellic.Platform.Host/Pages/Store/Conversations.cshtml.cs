using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Conversations;
using Upsellic.Framework.Domain;

namespace Upsellic.Platform.Host.Pages.Store;

public sealed class ConversationsModel(IConversationInsightsAppService insights, ILiveChatAppService liveChat) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConversationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<ConversationHistoryItem> Items { get; private set; } = [];

    public ConversationDetailDto? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await insights.SearchAsync(new ConversationSearch(Q, Status, Category, From, To), cancellationToken);
        if (Id is { } id)
        {
            try
            {
                Selected = await liveChat.GetAsync(id, cancellationToken);
            }
            catch (BusinessException e) when (e.StatusCode == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }
        }

        return Page();
    }
}
