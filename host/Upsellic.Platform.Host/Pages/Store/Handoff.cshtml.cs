using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.HandoffIntelligence;

namespace Upsellic.Platform.Host.Pages.Store;

public sealed class HandoffModel(IHandoffAnalysisAppService analysis) : PageModel
{
    private const string AssistantPrefix = "assistant:";
    private const string ShopperPrefix = "shopper:";

    [BindProperty]
    public string? Conversation { get; set; }

    [BindProperty]
    public bool AgentOnline { get; set; } = true;

    public HandoffAnalysisDto? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var turns = (Conversation ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ToTurn)
            .ToList();
        try
        {
            Result = await analysis.AnalyzeAsync(new AnalyzeConversationRequest(turns, AgentOnline), cancellationToken);
        }
        catch (HandoffValidationException e)
        {
            foreach (var reason in e.Errors.SelectMany(pair => pair.Value))
            {
                ModelState.AddModelError(nameof(Conversation), reason);
            }
        }

        return Page();
    }

    private static ConversationTurnDto ToTurn(string line)
    {
        if (line.StartsWith(AssistantPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return new ConversationTurnDto("assistant", line[AssistantPrefix.Length..].Trim());
        }

        var text = line.StartsWith(ShopperPrefix, StringComparison.OrdinalIgnoreCase) ? line[ShopperPrefix.Length..].Trim() : line;
        return new ConversationTurnDto("shopper", text);
    }
}
