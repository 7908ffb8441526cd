using System.Text.RegularExpressions;
using Upsellic.Framework.Validation;

namespace Upsellic.WidgetSettings.Domain;

/// <summary>
/// What a widget setting may hold, and how a contact channel becomes a link. Nothing but wa.me, m.me, https,
/// mailto: and tel: links can come out of here, so a value like <c>javascript:</c> can never reach a shopper.
/// </summary>
public static partial class WidgetRules
{
    public const int MaxAssistantNameLength = 40;
    public const int MaxGreetingLength = 300;
    public const int MaxLabelLength = 40;
    public const int MaxOrigins = 20;

    public static string DefaultLabel(ContactChannelKind kind) => kind switch
    {
        ContactChannelKind.WhatsApp => "WhatsApp",
        ContactChannelKind.Messenger => "Messenger",
        ContactChannelKind.Email => "Email us",
        ContactChannelKind.Phone => "Call us",
        ContactChannelKind.ContactForm => "Contact form",
        _ => kind.ToString(),
    };

    public static bool IsBrandColor(string? value) => value is not null && BrandColorPattern().IsMatch(value);

    /// <summary>E.164: a plus, a non-zero country digit, 7 to 15 digits in all.</summary>
    public static bool IsE164(string? value) => value is not null && E164Pattern().IsMatch(value);

    /// <summary>A Facebook page username: letters, digits and periods, 5 to 50 characters.</summary>
    public static bool IsMessengerPage(string? value) => value is not null && MessengerPattern().IsMatch(value);

    public static bool IsHttpsUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo)
        && uri.Host.Contains('.') && value!.Length <= 500;

    /// <summary>An origin as browsers send it: http(s)://host[:port], nothing after.</summary>
    public static string? NormalizeOrigin(string? value)
    {
        var candidate = value?.Trim().TrimEnd('/');
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return string.Equals(origin, candidate, StringComparison.OrdinalIgnoreCase) ? origin : null;
    }

    public static string? ValidateChannelValue(ContactChannelKind kind, string? value) => kind switch
    {
        ContactChannelKind.WhatsApp when !IsE164(value) => "Enter the WhatsApp number in international format, like +14155550123.",
        ContactChannelKind.Phone when !IsE164(value) => "Enter the phone number in international format, like +14155550123.",
        ContactChannelKind.Messenger when !IsMessengerPage(value) => "Enter the Facebook page name as in m.me/<name> (letters, digits, periods).",
        ContactChannelKind.Email when !EmailAddressRule.IsValid(value) => "Enter a valid email address, like help@store.com.",
        ContactChannelKind.ContactForm when !IsHttpsUrl(value) => "Enter the full https:// address of your contact form.",
        _ => null,
    };

    /// <summary>The link a shopper's button opens; the conversation reference is prefilled where the channel carries text.</summary>
    public static string ToHref(ContactChannel channel, string conversationReference)
    {
        var message = Uri.EscapeDataString($"Hi! I was chatting with you on your site (ref {conversationReference}).");
        return channel.Kind switch
        {
            ContactChannelKind.WhatsApp => $"https://wa.me/{channel.Value![1..]}?text={message}",
            ContactChannelKind.Messenger => $"https://m.me/{channel.Value}",
            ContactChannelKind.Email => $"mailto:{channel.Value}?subject={Uri.EscapeDataString($"About my chat (ref {conversationReference})")}",
            ContactChannelKind.Phone => $"tel:{channel.Value}",
            ContactChannelKind.ContactForm => new Uri(channel.Value!).AbsoluteUri,
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel.Kind, "Unknown channel kind."),
        };
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex BrandColorPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^[A-Za-z0-9.]{5,50}$")]
    private static partial Regex MessengerPattern();
}
