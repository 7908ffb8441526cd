using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Agents;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Platform.Host.Pages.Store;

/// <summary>Members, roles, presence and invitations. Every member sees the team and edits their own profile; the Owner and Admins manage it.</summary>
public sealed class TeamModel(ITeamAppService team, IEmailOutbox outbox) : PageModel
{
    public IReadOnlyList<TeamMemberDto> Members { get; private set; } = [];

    public IReadOnlyList<InvitationDto> Invitations { get; private set; } = [];

    public AgentProfileDto? Profile { get; private set; }

    public bool CanManage => User.IsInRole(SaasRoles.Owner) || User.IsInRole(SaasRoles.Admin);

    public bool ShowOutboxLink => CanManage && outbox.IsVisible;

    public Guid? MyUserId => Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [BindProperty]
    public ProfileInput ProfileForm { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    /// <summary>The link of the invitation just sent, shown once so the inviter can copy it.</summary>
    [TempData]
    public string? AcceptUrl { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await team.InviteAsync(new InviteMemberRequest(Invite.Email, Invite.Role), $"{Request.Scheme}://{Request.Host}{Request.PathBase}",
                cancellationToken);
            Message = result.EmailSent
                ? $"Invitation sent to {Invite.Email!.Trim()}. You can also pass on the link below."
                : $"The invitation to {Invite.Email!.Trim()} is ready, but the email could not be sent: pass on the link below.";
            AcceptUrl = result.AcceptUrl;
            return RedirectToPage();
        }
        catch (InputValidationException e)
        {
            ModelState.AddFieldErrors(e, nameof(Invite));
            await LoadAsync(cancellationToken, keepProfileInput: false);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        await RunAsync(() => team.RevokeInvitationAsync(id, cancellationToken), "The invitation was revoked; its link no longer works.");

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, string? role, CancellationToken cancellationToken) =>
        await RunAsync(() => team.ChangeRoleAsync(userId, new ChangeRoleRequest(role), cancellationToken), "The role was changed.");

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken) =>
        await RunAsync(() => team.RemoveMemberAsync(userId, cancellationToken), "The member was removed and signed out everywhere.");

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await team.UpdateMyProfileAsync(new UpdateAgentProfileRequest(ProfileForm.DisplayName, ProfileForm.Initials, ProfileForm.Colour), cancellationToken);
            Message = "Your profile was saved. Shoppers see it when you join a conversation.";
            return RedirectToPage();
        }
        catch (InputValidationException e)
        {
            ModelState.AddFieldErrors(e, nameof(ProfileForm));
            await LoadAsync(cancellationToken, keepProfileInput: true);
            return Page();
        }
    }

    public static string RoleBadge(string role) => role switch
    {
        SaasRoles.Owner => "badge-blue",
        SaasRoles.Admin => "badge-amber",
        _ => "badge-green",
    };

    /// <summary>Rule errors (owner protections, a revoked link...) come back as a message above the lists.</summary>
    private async Task<IActionResult> RunAsync(Func<Task> action, string success)
    {
        try
        {
            await action();
            Message = success;
        }
        catch (InputValidationException e)
        {
            Error = string.Join(" ", e.Errors.SelectMany(pair => pair.Value));
        }
        catch (BusinessException e)
        {
            Error = e.Message;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepProfileInput = false)
    {
        Members = await team.GetMembersAsync(cancellationToken);
        Invitations = CanManage ? await team.GetPendingInvitationsAsync(cancellationToken) : [];
        Profile = await team.GetMyProfileAsync(cancellationToken);
        if (!keepProfileInput)
        {
            ProfileForm = new ProfileInput { DisplayName = Profile.DisplayName, Initials = Profile.Initials, Colour = Profile.Colour.ToLowerInvariant() };
        }
    }

    public sealed class InviteInput
    {
        public string? Email { get; set; }

        public string? Role { get; set; } = SaasRoles.Agent;
    }

    public sealed class ProfileInput
    {
        public string? DisplayName { get; set; }

        public string? Initials { get; set; }

        public string? Colour { get; set; }
    }
}
