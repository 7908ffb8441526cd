using System.Net;

namespace Upsellic.Agents.Application;

/// <summary>The invitation mail. Names and the store name come from users, so the HTML part encodes every one of them.</summary>
internal static class InvitationEmail
{
    public static EmailMessage Compose(string to, string inviterName, string storeName, string role, string acceptUrl, DateTimeOffset expiresAt)
    {
        var article = role == Saas.SaasRoles.Admin ? "an Admin" : "an Agent";
        var expires = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
        var subject = $"{inviterName} invited you to {storeName} on Upsellic";
        var text = $"""
            Hi,

            {inviterName} invited you to join the team of {storeName} on Upsellic as {article}.

            Accept the invitation and choose your password:
            {acceptUrl}

            The link works once and expires on {expires}. If you did not expect this email, you can ignore it.
            """;
        var html = $"""
            <p>Hi,</p>
            <p>{Encode(inviterName)} invited you to join the team of <strong>{Encode(storeName)}</strong> on Upsellic as {article}.</p>
            <p><a href="{Encode(acceptUrl)}">Accept the invitation and choose your password</a></p>
            <p style="color:#6b7285">The link works once and expires on {expires}. If you did not expect this email, you can ignore it.</p>
            """;
        return new EmailMessage(to, subject, text, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
