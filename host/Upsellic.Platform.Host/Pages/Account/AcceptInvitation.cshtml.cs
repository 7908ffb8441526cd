using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Agents;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Account;

/// <summary>The invitee opens the emailed link, chooses a name and password, and lands in Live Chat signed in.</summary>
public sealed class AcceptInvitationModel(IInvitationAppService invitations, IAccountAppService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public InvitationPreviewDto? Invitation { get; private set; }

    /// <summary>Why the link cannot be used (expired, revoked, used, unknown); the form is not shown then.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await invitations.AcceptAsync(new AcceptInvitationRequest(Token, Input.Name, Input.Password), cancellationToken);
            await accounts.SignInWithCookieAsync(result.UserId, cancellationToken);
            return LocalRedirect("/livechat");
        }
        catch (InputValidationException e)
        {
            ModelState.AddFieldErrors(e, nameof(Input));
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Invitation = await invitations.GetPreviewAsync(Token, cancellationToken);
        }
        catch (BusinessException e)
        {
            Problem = e.Message;
        }
    }

    public sealed class AcceptInput
    {
        public string? Name { get; set; }

        public string? Password { get; set; }
    }
}
