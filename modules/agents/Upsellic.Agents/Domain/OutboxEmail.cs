using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Agents.Domain;

/// <summary>A mail kept locally because no SMTP server is configured; the development outbox page lists them.</summary>
public sealed class OutboxEmail : Entity<Guid>, IMultiTenant
{
    private OutboxEmail()
    {
        To = Subject = TextBody = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string? HtmlBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static OutboxEmail Create(EmailMessage message, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        To = message.To,
        Subject = message.Subject,
        TextBody = message.TextBody,
        HtmlBody = message.HtmlBody,
        CreatedAt = now,
    };
}
