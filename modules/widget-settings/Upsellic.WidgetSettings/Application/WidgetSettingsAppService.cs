using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Framework.Validation;
using Upsellic.Saas;
using Upsellic.WidgetSettings.Domain;
using Upsellic.WidgetSettings.EntityFrameworkCore;

namespace Upsellic.WidgetSettings.Application;

public sealed class WidgetSettingsAppService(
    WidgetSettingsDbContext db,
    ICurrentTenant currentTenant,
    ITenantLookupService tenants,
    IMemoryCache cache) : IWidgetSettingsAppService, IWidgetSettingsIntegrationService
{
    /// <summary>
    /// The public settings are read on every shopper message (the assistant's name signs its reply), so each host keeps
    /// them this long per store. The host that saves a change forgets them at once; the others follow within this time.
    /// </summary>
    private static readonly TimeSpan PublicSettingsLifetime = TimeSpan.FromSeconds(10);

    public async Task<WidgetSettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        (await GetOrCreateAsync(cancellationToken)).ToDto();

    public async Task<WidgetSettingsDto> UpdateAsync(UpdateWidgetSettingsRequest request, CancellationToken cancellationToken = default)
    {
        await new WidgetSettingsValidator().ValidateOrThrowAsync(request, cancellationToken);
        var settings = await GetOrCreateAsync(cancellationToken);
        var channels = request.Channels!;
        settings.Update(
            request.LiveChatEnabled!.Value,
            request.AssistantName!.Trim(),
            request.Greeting!.Trim(),
            request.BrandColor!,
            request.Position!.Value,
            (request.AllowedOrigins ?? []).Select(o => WidgetRules.NormalizeOrigin(o)!),
            [
                ToChannel(ContactChannelKind.WhatsApp, channels.WhatsApp),
                ToChannel(ContactChannelKind.Messenger, channels.Messenger),
                ToChannel(ContactChannelKind.Email, channels.Email),
                ToChannel(ContactChannelKind.Phone, channels.Phone),
                ToChannel(ContactChannelKind.ContactForm, channels.ContactForm),
            ]);
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(PublicSettingsKey);
        return settings.ToDto();
    }

    public async Task<RotateKeyResult> RotateKeyAsync(CancellationToken cancellationToken = default)
    {
        var settings = await GetOrCreateAsync(cancellationToken);
        settings.RotateKey();
        await db.SaveChangesAsync(cancellationToken);
        return new RotateKeyResult(settings.WidgetKey);
    }

    public async Task<PublicWidgetSettingsDto> GetPublicSettingsAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(PublicSettingsKey, out PublicWidgetSettingsDto? cached) && cached is not null)
        {
            return cached;
        }

        var settings = await GetOrCreateAsync(cancellationToken);
        var publicSettings = new PublicWidgetSettingsDto(settings.AssistantName, settings.Greeting, settings.BrandColor, settings.Position, settings.LiveChatEnabled);
        cache.Set(PublicSettingsKey, publicSettings, PublicSettingsLifetime);
        return publicSettings;
    }

    private (string, Guid?) PublicSettingsKey => (nameof(PublicWidgetSettingsDto), currentTenant.Id);

    public async Task<IReadOnlyList<ContactChannelLinkDto>> GetContactChannelLinksAsync(string conversationReference, CancellationToken cancellationToken = default)
    {
        var settings = await GetOrCreateAsync(cancellationToken);
        return settings.Channels
            .Where(c => c.Enabled && WidgetRules.ValidateChannelValue(c.Kind, c.Value) is null)
            .Select(c => new ContactChannelLinkDto(c.Kind, c.Label, WidgetRules.ToHref(c, conversationReference)))
            .ToList();
    }

    public async Task<bool> IsOriginAllowedAsync(string? origin, CancellationToken cancellationToken = default)
    {
        var settings = await GetOrCreateAsync(cancellationToken);
        // An empty list means "any site": a new store can try its widget before it lists its domains.
        if (settings.AllowedOrigins.Count == 0)
        {
            return true;
        }

        var normalized = WidgetRules.NormalizeOrigin(origin);
        return normalized is not null && settings.AllowedOrigins.Contains(normalized, StringComparer.OrdinalIgnoreCase);
    }

    public async Task EnsureWidgetRequestAllowedAsync(string? origin, string platformOrigin, CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is null)
        {
            throw new BusinessException(WidgetSettingsErrorCodes.UnknownWidgetKey,
                "This widget key is not valid. Copy the current snippet from the store's widget settings.", 401);
        }

        if (!string.IsNullOrEmpty(origin) && !string.Equals(origin, platformOrigin, StringComparison.OrdinalIgnoreCase)
            && !await IsOriginAllowedAsync(origin, cancellationToken))
        {
            throw new BusinessException(WidgetSettingsErrorCodes.OriginNotAllowed, $"The store does not allow its chat on {origin}.", 403);
        }
    }

    /// <summary>Every store has a widget from its first visit to the settings; the row is made on first use.</summary>
    private async Task<WidgetConfiguration> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Widget:NoTenant", "Widget settings belong to a store.", 403);
        var settings = await db.Configurations.SingleOrDefaultAsync(cancellationToken);
        if (settings is not null)
        {
            return settings;
        }

        var tenant = await tenants.FindAsync(tenantId, cancellationToken);
        settings = WidgetConfiguration.CreateDefault(tenant?.Name ?? "our store");
        db.Configurations.Add(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests raced; the other one created the row, which is just as good.
            db.ChangeTracker.Clear();
            settings = await db.Configurations.SingleAsync(cancellationToken);
        }

        return settings;
    }

    private static ContactChannel ToChannel(ContactChannelKind kind, ChannelDto? dto) =>
        new(kind, dto?.Enabled ?? false, string.IsNullOrWhiteSpace(dto?.Label) ? WidgetRules.DefaultLabel(kind) : dto.Label.Trim(),
            string.IsNullOrWhiteSpace(dto?.Value) ? null : dto.Value.Trim());
}

internal static class WidgetConfigurationMappings
{
    public static WidgetSettingsDto ToDto(this WidgetConfiguration settings)
    {
        ChannelDto Channel(ContactChannelKind kind)
        {
            var channel = settings.Channels.Single(c => c.Kind == kind);
            return new ChannelDto(channel.Enabled, channel.Label, channel.Value);
        }

        return new WidgetSettingsDto(settings.WidgetKey, settings.LiveChatEnabled, settings.AssistantName, settings.Greeting,
            settings.BrandColor, settings.Position, settings.AllowedOrigins,
            new ChannelsDto(Channel(ContactChannelKind.WhatsApp), Channel(ContactChannelKind.Messenger), Channel(ContactChannelKind.Email),
                Channel(ContactChannelKind.Phone), Channel(ContactChannelKind.ContactForm)));
    }
}
