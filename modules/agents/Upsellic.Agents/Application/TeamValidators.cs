using FluentValidation;
using Upsellic.Agents.Domain;
using Upsellic.Framework.Validation;
using Upsellic.Saas;

namespace Upsellic.Agents.Application;

public sealed class InviteMemberValidator : AbstractValidator<InviteMemberRequest>
{
    public InviteMemberValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Enter the email address of the person to invite.")
            .MaximumLength(Invitation.MaxEmailLength)
            .Must(EmailAddressRule.IsValid).WithMessage("Enter a valid email address, like name@store.com.");
        RuleFor(r => r.Role).Must(r => SaasRoles.NormalizeAssignable(r) is not null).WithMessage("Choose Admin or Agent.");
    }
}

public sealed class ChangeRoleValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleValidator() =>
        RuleFor(r => r.Role).Must(r => SaasRoles.NormalizeAssignable(r) is not null).WithMessage("Choose Admin or Agent.");
}

public sealed class AgentProfileValidator : AbstractValidator<UpdateAgentProfileRequest>
{
    public AgentProfileValidator()
    {
        RuleFor(r => r.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the name shoppers see.")
            .MaximumLength(AgentProfile.MaxDisplayNameLength);
        RuleFor(r => r.Initials).Must(AgentProfile.IsInitials).WithMessage("Use one to three letters or digits, like AM.");
        RuleFor(r => r.Colour).Must(AgentProfile.IsColour).WithMessage("Use a hex colour like #4F46E5.");
    }
}

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationValidator() =>
        RuleFor(r => r.Token).NotEmpty().WithMessage("The invitation link is incomplete: open the whole link from the email.");
}
