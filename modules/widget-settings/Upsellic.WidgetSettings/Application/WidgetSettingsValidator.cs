using FluentValidation;
using Upsellic.WidgetSettings.Domain;

namespace Upsellic.WidgetSettings.Application;

public sealed class WidgetSettingsValidator : AbstractValidator<UpdateWidgetSettingsRequest>
{
    public WidgetSettingsValidator()
    {
        RuleFor(r => r.LiveChatEnabled).NotNull().WithMessage("Say whether live chat is on.");
        RuleFor(r => r.AssistantName).NotEmpty().WithMessage("Give the assistant a name.")
            .MaximumLength(WidgetRules.MaxAssistantNameLength);
        RuleFor(r => r.Greeting).NotEmpty().WithMessage("Write the greeting shoppers see first.")
            .MaximumLength(WidgetRules.MaxGreetingLength);
        RuleFor(r => r.BrandColor).Must(WidgetRules.IsBrandColor).WithMessage("Use a hex colour like #4F46E5.");
        RuleFor(r => r.Position).NotNull().IsInEnum().WithMessage("Choose bottom-right or bottom-left.");
        RuleFor(r => r.AllowedOrigins).Must(o => o is null || o.Count <= WidgetRules.MaxOrigins)
            .WithMessage($"List at most {WidgetRules.MaxOrigins} origins.");
        RuleForEach(r => r.AllowedOrigins).Must(o => WidgetRules.NormalizeOrigin(o) is not null)
            .WithMessage("An origin is a scheme and host, like https://shop.example.com (no path).");
        RuleFor(r => r.Channels).NotNull().WithMessage("Send the five contact channels.");
        When(r => r.Channels is not null, () =>
        {
            RuleFor(r => r.Channels!.WhatsApp).SetValidator(new ChannelValidator(ContactChannelKind.WhatsApp)!).OverridePropertyName("channels.whatsApp");
            RuleFor(r => r.Channels!.Messenger).SetValidator(new ChannelValidator(ContactChannelKind.Messenger)!).OverridePropertyName("channels.messenger");
            RuleFor(r => r.Channels!.Email).SetValidator(new ChannelValidator(ContactChannelKind.Email)!).OverridePropertyName("channels.email");
            RuleFor(r => r.Channels!.Phone).SetValidator(new ChannelValidator(ContactChannelKind.Phone)!).OverridePropertyName("channels.phone");
            RuleFor(r => r.Channels!.ContactForm).SetValidator(new ChannelValidator(ContactChannelKind.ContactForm)!).OverridePropertyName("channels.contactForm");
        });
    }

    private sealed class ChannelValidator : AbstractValidator<ChannelDto>
    {
        public ChannelValidator(ContactChannelKind kind)
        {
            RuleFor(c => c.Label).MaximumLength(WidgetRules.MaxLabelLength);
            // A disabled channel may keep an empty value, but never an unsafe one: it could be enabled later.
            RuleFor(c => c.Value).Custom((value, context) =>
            {
                var enabled = context.InstanceToValidate.Enabled;
                if (!enabled && string.IsNullOrEmpty(value))
                {
                    return;
                }

                if (WidgetRules.ValidateChannelValue(kind, value) is { } reason)
                {
                    context.AddFailure(reason);
                }
            });
        }
    }
}
