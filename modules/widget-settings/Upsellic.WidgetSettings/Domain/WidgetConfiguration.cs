using System.Security.Cryptography;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.WidgetSettings.Domain;

/// <summary>
/// One store's widget: its public key, look, allowed origins and contact channels. Values are checked by
/// <see cref="WidgetRules"/> before they get here; the aggregate keeps the invariants that do not depend on input.
/// </summary>
public sealed class WidgetConfiguration : AggregateRoot<Guid>, IMultiTenant
{
    public const string DefaultBrandColor = "#4F46E5";

    private List<ContactChannel> _channels = [];
    private List<string> _allowedOrigins = [];

    private WidgetConfiguration()
    {
        WidgetKey = AssistantName = Greeting = BrandColor = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    /// <summary>Public (it is in the store's HTML), unguessable, and replaceable by <see cref="RotateKey"/>.</summary>
    public string WidgetKey { get; private set; }

    public bool LiveChatEnabled { get; private set; }

    public string AssistantName { get; private set; }

    public string Greeting { get; private set; }

    public string BrandColor { get; private set; }

    public WidgetPosition Position { get; private set; }

    public IReadOnlyList<string> AllowedOrigins => _allowedOrigins;

    public IReadOnlyList<ContactChannel> Channels => _channels;

    public static WidgetConfiguration CreateDefault(string storeName) => new()
    {
        Id = Guid.CreateVersion7(),
        WidgetKey = NewKey(),
        LiveChatEnabled = true,
        AssistantName = "Assistant",
        Greeting = $"Hi! Welcome to {storeName}. Ask me anything about our products, shipping or your order.",
        BrandColor = DefaultBrandColor,
        Position = WidgetPosition.BottomRight,
        _channels = Enum.GetValues<ContactChannelKind>().Select(kind => new ContactChannel(kind, false, WidgetRules.DefaultLabel(kind), null)).ToList(),
    };

    public void Update(bool liveChatEnabled, string assistantName, string greeting, string brandColor, WidgetPosition position,
        IEnumerable<string> allowedOrigins, IEnumerable<ContactChannel> channels)
    {
        LiveChatEnabled = liveChatEnabled;
        AssistantName = assistantName;
        Greeting = greeting;
        BrandColor = brandColor.ToUpperInvariant();
        Position = position;
        _allowedOrigins = allowedOrigins.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Exactly one entry per kind, in a stable order, whatever the caller sent.
        var byKind = channels.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Last());
        _channels = Enum.GetValues<ContactChannelKind>()
            .Select(kind => byKind.GetValueOrDefault(kind) ?? new ContactChannel(kind, false, WidgetRules.DefaultLabel(kind), null))
            .ToList();
    }

    public void RotateKey() => WidgetKey = NewKey();

    /// <summary>192 random bits, URL-safe: far beyond guessing, short enough for a script tag.</summary>
    private static string NewKey() => "wk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record ContactChannel(ContactChannelKind Kind, bool Enabled, string Label, string? Value);
