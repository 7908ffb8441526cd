using System.Net.Mail;

namespace Upsellic.Framework.Validation;

public static class EmailAddressRule
{
    /// <summary>
    /// A bare address with a dotted domain. MailAddress alone accepts display-name forms ("Ann &lt;a@b.c&gt;") and
    /// surrounding spaces, which must never reach a mailto: link or a sign-in name.
    /// </summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() == value && value.Length <= 254
        && MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');
}
