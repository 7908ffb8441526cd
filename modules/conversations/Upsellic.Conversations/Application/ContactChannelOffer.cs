using System.Text.Json;
using Upsellic.Conversations.Domain;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.Application;

/// <summary>Offers the store's enabled contact channels in a conversation (no agent online, or none answered in time).</summary>
internal static class ContactChannelOffer
{
    public static async Task OfferAsync(this IWidgetSettingsIntegrationService widgetSettings, Conversation conversation, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var channels = await widgetSettings.GetContactChannelLinksAsync(conversation.Reference, cancellationToken);
        conversation.OfferContactChannels(
            JsonSerializer.Serialize(channels.Select(c => new ContactChannelDto(c.Kind.ToString(), c.Label, c.Href)), JsonSerializerOptions.Web), now);
    }
}
