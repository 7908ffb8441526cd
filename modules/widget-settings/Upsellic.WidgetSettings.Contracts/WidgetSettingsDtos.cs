using System.Text.Json.Serialization;

namespace Upsellic.WidgetSettings;

[JsonConverter(typeof(JsonStringEnumConverter<WidgetPosition>))]
public enum WidgetPosition
{
    [JsonStringEnumMemberName("bottom-right")]
    BottomRight,

    [JsonStringEnumMemberName("bottom-left")]
    BottomLeft,
}

[JsonConverter(typeof(JsonStringEnumConverter<ContactChannelKind>))]
public enum ContactChannelKind
{
    WhatsApp,
    Messenger,
    Email,
    Phone,
    ContactForm,
}

public sealed record ChannelDto(bool Enabled, string? Label, string? Value);

public sealed record ChannelsDto(ChannelDto? WhatsApp, ChannelDto? Messenger, ChannelDto? Email, ChannelDto? Phone, ChannelDto? ContactForm);

public sealed record WidgetSettingsDto(
    string WidgetKey,
    bool LiveChatEnabled,
    string AssistantName,
    string Greeting,
    string BrandColor,
    WidgetPosition Position,
    IReadOnlyList<string> AllowedOrigins,
    ChannelsDto Channels);

public sealed record UpdateWidgetSettingsRequest(
    bool? LiveChatEnabled,
    string? AssistantName,
    string? Greeting,
    string? BrandColor,
    WidgetPosition? Position,
    IReadOnlyList<string>? AllowedOrigins,
    ChannelsDto? Channels);

public sealed record RotateKeyResult(string WidgetKey);

/// <summary>What the widget needs before a conversation exists: it is public, so it holds nothing private.</summary>
public sealed record PublicWidgetSettingsDto(string AssistantName, string Greeting, string BrandColor, WidgetPosition Position, bool LiveChatEnabled);

/// <summary>A contact channel as the shopper sees it: a button label and a safe link (https, mailto: or tel:).</summary>
public sealed record ContactChannelLinkDto(ContactChannelKind Kind, string Label, string Href);

public interface IWidgetSettingsAppService
{
    Task<WidgetSettingsDto> GetAsync(CancellationToken cancellationToken = default);

    Task<WidgetSettingsDto> UpdateAsync(UpdateWidgetSettingsRequest request, CancellationToken cancellationToken = default);

    Task<RotateKeyResult> RotateKeyAsync(CancellationToken cancellationToken = default);
}

/// <summary>For other modules (conversations): the current tenant's public settings and contact links.</summary>
public interface IWidgetSettingsIntegrationService
{
    Task<PublicWidgetSettingsDto> GetPublicSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>The enabled channels as links; <paramref name="conversationReference"/> is prefilled where the channel allows text.</summary>
    Task<IReadOnlyList<ContactChannelLinkDto>> GetContactChannelLinksAsync(string conversationReference, CancellationToken cancellationToken = default);

    /// <summary>Whether a browser page of <paramref name="origin"/> may use the current tenant's widget.</summary>
    Task<bool> IsOriginAllowedAsync(string? origin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every widget request and hub connection: the key named a store (the current tenant), and the page's origin is
    /// one the store allows (the platform's own pages always are). Throws a business error (401/403) otherwise.
    /// </summary>
    Task EnsureWidgetRequestAllowedAsync(string? origin, string platformOrigin, CancellationToken cancellationToken = default);
}

public static class WidgetSettingsErrorCodes
{
    public const string UnknownWidgetKey = "Widget:UnknownKey";
    public const string OriginNotAllowed = "Widget:OriginNotAllowed";
    public const string LiveChatDisabled = "Widget:LiveChatDisabled";
}

public static class WidgetHeaders
{
    public const string WidgetKey = "X-Widget-Key";
    public const string VisitorToken = "X-Visitor-Token";
}

/// <summary>
/// The CORS policy of the widget API and hub (registered by the widget-settings module). Stores call them from their
/// own sites: CORS lets any site through the browser's door, and which sites a store really allows is checked per
/// request by <see cref="IWidgetSettingsIntegrationService.EnsureWidgetRequestAllowedAsync"/>.
/// </summary>
public static class WidgetCors
{
    public const string PolicyName = "widget";
}
