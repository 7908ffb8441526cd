namespace Upsellic.Agents;

/// <summary>An outgoing email. <see cref="HtmlBody"/> is optional; every mail has a plain-text body.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>
/// The platform's one way of sending email: SMTP when <c>Email:Smtp:Host</c> is configured, otherwise a local outbox
/// table that the dashboard shows in development (<c>/team/outbox</c>).
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed record OutboxEmailDto(Guid Id, string To, string Subject, string TextBody, DateTimeOffset CreatedAt);

/// <summary>The current tenant's locally kept mails, for the development outbox page.</summary>
public interface IEmailOutbox
{
    /// <summary>True in Development or with <c>Email:ShowOutbox=true</c>; the page answers 404 otherwise.</summary>
    bool IsVisible { get; }

    Task<IReadOnlyList<OutboxEmailDto>> GetLatestAsync(int count, CancellationToken cancellationToken = default);
}
