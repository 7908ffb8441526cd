using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upsellic.Framework.Domain;
using Upsellic.Saas;
using Upsellic.WidgetSettings;

namespace Upsellic.Platform.Host.Pages.Store;

[Authorize(Policy = SaasPolicies.TenantAdmin)]
public sealed class WidgetModel(IWidgetSettingsAppService widget) : PageModel
{
    public WidgetSettingsDto Settings { get; private set; } = null!;

    [BindProperty]
    public WidgetInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = await widget.GetAsync(cancellationToken);
        Input = WidgetInput.From(Settings);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await widget.UpdateAsync(Input.ToRequest(), cancellationToken);
            Message = "Saved. The widget on your store shows the changes on its next load.";
            return RedirectToPage();
        }
        catch (InputValidationException e)
        {
            foreach (var (field, reasons) in e.Errors)
            {
                foreach (var reason in reasons)
                {
                    ModelState.AddModelError(ToInputKey(field), reason);
                }
            }

            Settings = await widget.GetAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRotateKeyAsync(CancellationToken cancellationToken)
    {
        await widget.RotateKeyAsync(cancellationToken);
        Message = "A new key is in place: paste the new snippet into your store; the old one no longer works.";
        return RedirectToPage();
    }

    public static string ChannelTitle(ContactChannelKind kind) => kind switch
    {
        ContactChannelKind.WhatsApp => "WhatsApp",
        ContactChannelKind.Messenger => "Facebook Messenger",
        ContactChannelKind.Email => "Email",
        ContactChannelKind.Phone => "Phone",
        _ => "Contact form",
    };

    public static string ChannelValueLabel(ContactChannelKind kind) => kind switch
    {
        ContactChannelKind.WhatsApp or ContactChannelKind.Phone => "Number (international format)",
        ContactChannelKind.Messenger => "Page name (m.me/…)",
        ContactChannelKind.Email => "Email address",
        _ => "Form address (https://…)",
    };

    public static string ChannelPlaceholder(ContactChannelKind kind) => kind switch
    {
        ContactChannelKind.WhatsApp or ContactChannelKind.Phone => "+14155550123",
        ContactChannelKind.Messenger => "yourstore",
        ContactChannelKind.Email => "help@yourstore.com",
        _ => "https://yourstore.com/contact",
    };

    /// <summary>"channels.whatsApp.value" (API naming) → the form input "Input.Channels[0].Value".</summary>
    private static string ToInputKey(string field)
    {
        var parts = field.Split('.');
        if (parts is ["channels", var kind, var property] && Enum.TryParse<ContactChannelKind>(kind, ignoreCase: true, out var channel))
        {
            return $"Input.Channels[{(int)channel}].{char.ToUpperInvariant(property[0])}{property[1..]}";
        }

        var name = parts[0].Split('[')[0];
        return $"Input.{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    public sealed class WidgetInput
    {
        public bool LiveChatEnabled { get; set; }

        public string? AssistantName { get; set; }

        public string? Greeting { get; set; }

        public string? BrandColor { get; set; }

        public WidgetPosition Position { get; set; }

        public string? AllowedOrigins { get; set; }

        public List<ChannelInput> Channels { get; set; } = [];

        public static WidgetInput From(WidgetSettingsDto settings) => new()
        {
            LiveChatEnabled = settings.LiveChatEnabled,
            AssistantName = settings.AssistantName,
            Greeting = settings.Greeting,
            BrandColor = settings.BrandColor.ToLowerInvariant(),
            Position = settings.Position,
            AllowedOrigins = string.Join('\n', settings.AllowedOrigins),
            Channels =
            [
                ChannelInput.From(ContactChannelKind.WhatsApp, settings.Channels.WhatsApp),
                ChannelInput.From(ContactChannelKind.Messenger, settings.Channels.Messenger),
                ChannelInput.From(ContactChannelKind.Email, settings.Channels.Email),
                ChannelInput.From(ContactChannelKind.Phone, settings.Channels.Phone),
                ChannelInput.From(ContactChannelKind.ContactForm, settings.Channels.ContactForm),
            ],
        };

        public UpdateWidgetSettingsRequest ToRequest()
        {
            ChannelDto? Channel(ContactChannelKind kind) =>
                Channels.FirstOrDefault(c => c.Kind == kind) is { } c ? new ChannelDto(c.Enabled, c.Label, c.Value) : null;

            return new UpdateWidgetSettingsRequest(LiveChatEnabled, AssistantName, Greeting, BrandColor, Position,
                (AllowedOrigins ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                new ChannelsDto(Channel(ContactChannelKind.WhatsApp), Channel(ContactChannelKind.Messenger), Channel(ContactChannelKind.Email),
                    Channel(ContactChannelKind.Phone), Channel(ContactChannelKind.ContactForm)));
        }
    }

    public sealed class ChannelInput
    {
        public ContactChannelKind Kind { get; set; }

        public bool Enabled { get; set; }

        public string? Label { get; set; }

        public string? Value { get; set; }

        public static ChannelInput From(ContactChannelKind kind, ChannelDto? dto) =>
            new() { Kind = kind, Enabled = dto?.Enabled ?? false, Label = dto?.Label, Value = dto?.Value };
    }
}
