using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Assistant;

namespace Upsellic.Platform.Host.Pages.Store;

public sealed class KnowledgeOrdersModel(IKnowledgeAppService knowledge) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<OrderDto> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = string.IsNullOrWhiteSpace(Status) ? null : OrderStatuses.Canonical(Status);
        Orders = await knowledge.GetOrdersAsync(Status, cancellationToken);
    }
}
