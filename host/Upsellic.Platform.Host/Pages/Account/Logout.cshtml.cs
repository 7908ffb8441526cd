using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Account;

public sealed class LogoutModel(IAccountAppService accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync();
        return RedirectToPage();
    }
}
