using System.Security.Cryptography;
using System.Text;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Agents.Domain;

/// <summary>
/// An invitation to join a store's team with a role. The link's token is 256 random bits that only the invitee's
/// mailbox (and the inviter's screen) ever see; the database keeps its SHA-256, so a leaked table opens no account.
/// Single use, expiring, revocable; re-inviting an address revokes its earlier invitation.
/// </summary>
public sealed class Invitation : AggregateRoot<Guid>, IMultiTenant
{
    public const int MaxEmailLength = 256;

    private Invitation()
    {
        Email = NormalizedEmail = Role = TokenHash = InvitedByName = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    public string Email { get; private set; }

    /// <summary>Upper-cased, as Identity normalizes emails: one pending invitation per address and store.</summary>
    public string NormalizedEmail { get; private set; }

    /// <summary>Admin or Agent.</summary>
    public string Role { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; private set; }

    public Guid InvitedBy { get; private set; }

    /// <summary>Kept so the pending list and the email name the inviter even after they leave the team.</summary>
    public string InvitedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    /// <summary>Creates an invitation and returns the token for the link; the token is not kept anywhere.</summary>
    public static (Invitation Invitation, string Token) Create(string email, string role, Guid invitedBy, string invitedByName,
        DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "An invitation must be valid for some time.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            Email = email.Trim(),
            NormalizedEmail = NormalizeEmail(email),
            Role = role,
            TokenHash = HashToken(token),
            InvitedBy = invitedBy,
            InvitedByName = invitedByName,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (invitation, token);
    }

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Throws the reason this invitation cannot be used now, if there is one; the checks come in the order a person can act on.</summary>
    public void EnsureUsable(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new BusinessException(AgentsErrorCodes.InvitationAlreadyUsed,
                "This invitation has already been used. Sign in with the account it created.", 409);
        }

        if (RevokedAt is not null)
        {
            throw new BusinessException(AgentsErrorCodes.InvitationRevoked,
                "This invitation was withdrawn or replaced by a newer one. Ask the store for a new invitation.", 410);
        }

        if (ExpiresAt <= now)
        {
            throw new BusinessException(AgentsErrorCodes.InvitationExpired,
                "This invitation has expired. Ask the store for a new invitation.", 410);
        }
    }

    public void Accept(Guid userId, DateTimeOffset now)
    {
        EnsureUsable(now);
        AcceptedAt = now;
        AcceptedUserId = userId;
    }

    /// <summary>Idempotent for a pending or expired invitation; an accepted one stays accepted (remove the member instead).</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new BusinessException(AgentsErrorCodes.InvitationAlreadyUsed,
                "This invitation has already been accepted; remove the member instead.", 409);
        }

        RevokedAt ??= now;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
