using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Account;

public sealed class SignUpModel(IAccountAppService accounts) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await accounts.SignUpAsync(new SignUpRequest(Input.StoreName, Input.Name, Input.Email, Input.Password), cancellationToken);
            await accounts.SignInWithCookieAsync(result.UserId, cancellationToken);
            return LocalRedirect("/?welcome=true");
        }
        catch (InputValidationException e)
        {
            ModelState.AddFieldErrors(e, nameof(Input));

            return Page();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }
    }

    public sealed class SignUpInput
    {
        public string? StoreName { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
