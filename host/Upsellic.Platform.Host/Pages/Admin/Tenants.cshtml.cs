using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Admin;

public sealed class TenantsModel(ITenantAdminAppService admin) : PageModel
{
    public IReadOnlyList<TenantDto> Tenants { get; private set; } = [];

    [BindProperty]
    public CreateInput Create { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tenants = await admin.GetListAsync(cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken)
    {
        await admin.DisableAsync(id, cancellationToken);
        Message = "The store is disabled: its users are signed out and its widget stops answering.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken)
    {
        await admin.EnableAsync(id, cancellationToken);
        Message = "The store is enabled again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await admin.CreateAsync(new CreateTenantRequest(Create.StoreName, Create.OwnerName, Create.OwnerEmail, Create.OwnerPassword), cancellationToken);
            Message = $"Created the store {Create.StoreName}.";
            return RedirectToPage();
        }
        catch (InputValidationException e)
        {
            ModelState.AddFieldErrors(e, nameof(Create));

            Tenants = await admin.GetListAsync(cancellationToken);
            return Page();
        }
    }

    public sealed class CreateInput
    {
        public string? StoreName { get; set; }

        public string? OwnerName { get; set; }

        public string? OwnerEmail { get; set; }

        public string? OwnerPassword { get; set; }
    }
}
