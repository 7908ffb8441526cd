using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages;

public sealed class IndexModel(IAccountAppService accounts) : PageModel
{
    public CurrentUserDto? Me { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(SaasRoles.PlatformAdmin))
        {
            return Redirect("/admin/tenants");
        }

        Me = await accounts.GetCurrentUserAsync(cancellationToken);
        return Me is null ? Redirect("/account/login") : Page();
    }
}
