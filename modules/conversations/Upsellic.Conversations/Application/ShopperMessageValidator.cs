using FluentValidation;

namespace Upsellic.Conversations.Application;

public sealed class ShopperMessageValidator : AbstractValidator<SendMessageRequest>
{
    public ShopperMessageValidator()
    {
        RuleFor(r => r.ClientMessageId).NotEmpty().WithMessage("Send a clientMessageId so a retry never doubles the message.")
            .MaximumLength(ConversationLimits.MaxClientMessageIdLength)
            .Matches("^[A-Za-z0-9_-]+$").WithMessage("A clientMessageId has letters, digits, '-' and '_' only.");
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write a message.")
            .MaximumLength(ConversationLimits.MaxMessageLength).WithMessage($"A message has at most {ConversationLimits.MaxMessageLength} characters.")
            .Must(t => t is null || !t.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage("A message cannot contain control characters.");
    }
}
