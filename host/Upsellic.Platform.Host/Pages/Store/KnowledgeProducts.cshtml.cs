using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Assistant;

namespace Upsellic.Platform.Host.Pages.Store;

public sealed class KnowledgeProductsModel(IKnowledgeAppService knowledge) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public ProductPage Products { get; private set; } = new([], 0);

    public string Currency { get; private set; } = "USD";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Skip = Math.Max(0, Skip);
        Products = await knowledge.SearchProductsAsync(Q, Skip, PageSize, cancellationToken);
        Currency = (await knowledge.GetOverviewAsync(cancellationToken)).Store?.Currency ?? "USD";
    }
}
