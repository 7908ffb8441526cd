using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Assistant;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Store;

public sealed class KnowledgeModel(IKnowledgeAppService knowledge, IAuthorizationService authorization) : PageModel
{
    /// <summary>Empty rows offered below the existing ones, to add policies or questions without script.</summary>
    private const int BlankRows = 2;

    public KnowledgeOverview Overview { get; private set; } = new(null, new KnowledgeCounts(0, 0, 0, 0), [], []);

    public bool CanEdit { get; private set; }

    [BindProperty]
    public StoreInput Store { get; set; } = new();

    [BindProperty]
    public List<PolicyInput> Policies { get; set; } = [];

    [BindProperty]
    public List<FaqInput> Faq { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Store = new StoreInput { Name = Overview.Store?.Name, Description = Overview.Store?.Description, Currency = Overview.Store?.Currency ?? "USD" };
        Policies = [.. Overview.Policies.Select(p => new PolicyInput { Topic = p.Topic, Text = p.Text })];
        Faq = [.. Overview.Faq.Select(f => new FaqInput { Question = f.Question, Answer = f.Answer })];
        AddBlankRows();
    }

    public async Task<IActionResult> OnPostStoreAsync(CancellationToken cancellationToken)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }

        try
        {
            await knowledge.SaveStoreProfileAsync(new StoreProfileDto { Name = Store.Name, Description = Store.Description, Currency = Store.Currency?.ToUpperInvariant() }, cancellationToken);
            Message = "The store profile is saved.";
            return RedirectToPage();
        }
        catch (InputValidationException e)
        {
            ModelState.AddFieldErrors(e, nameof(Store));
            await LoadAsync(cancellationToken);
            Policies = [.. Overview.Policies.Select(p => new PolicyInput { Topic = p.Topic, Text = p.Text })];
            Faq = [.. Overview.Faq.Select(f => new FaqInput { Question = f.Question, Answer = f.Answer })];
            AddBlankRows();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostContentAsync(CancellationToken cancellationToken)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }

        // A row left entirely empty is a removed (or unused) row.
        var policies = Policies.Where(p => !string.IsNullOrWhiteSpace(p.Topic) || !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => new PolicyDto { Topic = p.Topic, Text = p.Text }).ToList();
        var faq = Faq.Where(f => !string.IsNullOrWhiteSpace(f.Question) || !string.IsNullOrWhiteSpace(f.Answer))
            .Select(f => new FaqDto { Question = f.Question, Answer = f.Answer }).ToList();
        try
        {
            await knowledge.SavePoliciesAndFaqAsync(policies, faq, cancellationToken);
            Message = $"Saved {policies.Count} policies and {faq.Count} FAQ entries.";
            return RedirectToPage();
        }
        catch (InputValidationException e)
        {
            foreach (var (field, reasons) in e.Errors)
            {
                foreach (var reason in reasons)
                {
                    ModelState.AddModelError(string.Empty, $"{field}: {reason}");
                }
            }

            await LoadAsync(cancellationToken);
            Store = new StoreInput { Name = Overview.Store?.Name, Description = Overview.Store?.Description, Currency = Overview.Store?.Currency ?? "USD" };
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overview = await knowledge.GetOverviewAsync(cancellationToken);
        CanEdit = await CanEditAsync();
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, SaasPolicies.TenantAdmin)).Succeeded;

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++)
        {
            Policies.Add(new PolicyInput());
            Faq.Add(new FaqInput());
        }
    }

    public sealed class StoreInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Currency { get; set; }
    }

    public sealed class PolicyInput
    {
        public string? Topic { get; set; }

        public string? Text { get; set; }
    }

    public sealed class FaqInput
    {
        public string? Question { get; set; }

        public string? Answer { get; set; }
    }
}
