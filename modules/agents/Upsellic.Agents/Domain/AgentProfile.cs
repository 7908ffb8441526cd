using System.Text.RegularExpressions;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Agents.Domain;

/// <summary>How a member appears to shoppers in the chat: a display name and a coloured initials badge.</summary>
public sealed partial class AgentProfile : AggregateRoot<Guid>, IMultiTenant
{
    public const int MaxDisplayNameLength = 40;
    public const int MaxInitialsLength = 3;

    /// <summary>Colours with enough contrast for white initials (WCAG AA for large text).</summary>
    private static readonly string[] Palette = ["#4F46E5", "#0E7490", "#15803D", "#B45309", "#BE123C", "#7C3AED", "#1D4ED8", "#9D174D"];

    private AgentProfile()
    {
        DisplayName = Initials = Colour = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public string DisplayName { get; private set; }

    public string Initials { get; private set; }

    /// <summary>#RRGGBB.</summary>
    public string Colour { get; private set; }

    /// <summary>The first profile of a member: their name, its initials and a colour that stays the same for them.</summary>
    public static AgentProfile CreateDefault(Guid userId, string name)
    {
        var displayName = name.Trim();
        if (displayName.Length > MaxDisplayNameLength)
        {
            displayName = displayName[..MaxDisplayNameLength].TrimEnd();
        }

        return new AgentProfile
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            DisplayName = displayName.Length == 0 ? "Agent" : displayName,
            Initials = InitialsOf(displayName),
            Colour = Palette[(int)(BitConverter.ToUInt32(userId.ToByteArray(), 0) % (uint)Palette.Length)],
        };
    }

    /// <summary>Values are validated by the application layer; the aggregate only refuses what would break the badge.</summary>
    public void Update(string displayName, string initials, string colour)
    {
        if (!IsColour(colour) || !IsInitials(initials) || string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxDisplayNameLength)
        {
            throw new BusinessException("Agents:InvalidProfile", "The profile values are not valid.");
        }

        DisplayName = displayName.Trim();
        Initials = initials.ToUpperInvariant();
        Colour = colour.ToUpperInvariant();
    }

    public static bool IsColour(string? value) => value is not null && ColourPattern().IsMatch(value);

    /// <summary>One to three letters or digits of any script, shown inside a small round badge.</summary>
    public static bool IsInitials(string? value) => value is not null && InitialsPattern().IsMatch(value);

    /// <summary>"Ana María López" → "AM"; "Li" → "L"; nothing usable → "?".</summary>
    public static string InitialsOf(string name)
    {
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.FirstOrDefault(char.IsLetterOrDigit))
            .Where(c => c != default)
            .Take(2)
            .Select(char.ToUpperInvariant)
            .ToArray();
        return letters.Length == 0 ? "?" : new string(letters);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColourPattern();

    [GeneratedRegex(@"^[\p{L}\p{Nd}]{1,3}$")]
    private static partial Regex InitialsPattern();
}
