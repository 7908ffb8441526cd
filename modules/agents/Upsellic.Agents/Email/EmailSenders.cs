using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Agents.Domain;
using Upsellic.Agents.EntityFrameworkCore;

namespace Upsellic.Agents.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Shows the local outbox page outside Development too (a staging host without SMTP).</summary>
    public bool ShowOutbox { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Upsellic <no-reply@upsellic.local>";

    /// <summary>STARTTLS (or TLS on 465). Off only for a local test relay.</summary>
    public bool EnableSsl { get; set; } = true;
}

/// <summary>Sends through the configured SMTP server; System.Net.Mail is enough for transactional mail and adds no package.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.User))
        {
            client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
        }

        using var mail = new MailMessage { From = new MailAddress(smtp.From), Subject = message.Subject, Body = message.TextBody };
        mail.To.Add(message.To);
        if (message.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, null, "text/html"));
        }

        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Sent the email \"{Subject}\" through {Host}", message.Subject, smtp.Host);
    }
}

/// <summary>No SMTP configured: the mail is kept in the agents schema under the current tenant, for the outbox page.</summary>
public sealed class OutboxEmailSender(AgentsDbContext db, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        db.OutboxEmails.Add(OutboxEmail.Create(message, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("No SMTP server is configured; the email \"{Subject}\" is in the local outbox", message.Subject);
    }
}

public sealed class EmailOutbox(AgentsDbContext db, IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailOutbox
{
    public bool IsVisible => environment.IsDevelopment() || options.Value.ShowOutbox;

    public async Task<IReadOnlyList<OutboxEmailDto>> GetLatestAsync(int count, CancellationToken cancellationToken = default) =>
        await db.OutboxEmails.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt)
            .Take(count)
            .Select(e => new OutboxEmailDto(e.Id, e.To, e.Subject, e.TextBody, e.CreatedAt))
            .ToListAsync(cancellationToken);
}
