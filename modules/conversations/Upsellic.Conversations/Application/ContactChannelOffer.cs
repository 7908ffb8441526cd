using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.Application;

/// <summary>Offers the store's enabled contact channels in a conversation (no agent online, or none answered in time).</summary>
internal static class ContactChannelOffer
{
    /// <summary>Within the unit of work that is handing the conversation off: saved by its commit.</summary>
    public static async Task OfferAsync(this IWidgetSettingsIntegrationService widgetSettings, Conversation conversation, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        conversation.OfferContactChannels(await ChannelsJsonAsync(widgetSettings, conversation, cancellationToken), now);

    /// <summary>
    /// For the pickup timeout and the absence watcher, which may fire at the same moment (on different hosts): the offer
    /// is claimed by one conditional UPDATE, so the shopper gets it, and the notice that goes with it, once.
    /// </summary>
    /// <returns>False when the channels were already offered (or the conversation closed): add no notice then.</returns>
    public static async Task<bool> TryOfferOnceAsync(this IWidgetSettingsIntegrationService widgetSettings, ConversationsDbContext db,
        Conversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channels = await ChannelsJsonAsync(widgetSettings, conversation, cancellationToken);
        var claimed = await db.Conversations
            .Where(c => c.Id == conversation.Id && c.ContactChannelsJson == null && c.Status != ConversationStatus.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ContactChannelsJson, channels).SetProperty(c => c.ChannelsOfferedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        // The tracked copy now agrees with the row, and raises the update that the widget and the panel are pushed.
        conversation.OfferContactChannels(channels, now);
        return true;
    }

    private static async Task<string> ChannelsJsonAsync(IWidgetSettingsIntegrationService widgetSettings, Conversation conversation,
        CancellationToken cancellationToken)
    {
        var channels = await widgetSettings.GetContactChannelLinksAsync(conversation.Reference, cancellationToken);
        return JsonSerializer.Serialize(channels.Select(c => new ContactChannelDto(c.Kind.ToString(), c.Label, c.Href)), JsonSerializerOptions.Web);
    }
}
