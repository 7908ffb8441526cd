namespace Upsellic.Saas;

public sealed record SignUpRequest(string? StoreName, string? Name, string? Email, string? Password);

public sealed record SignUpResult(Guid TenantId, Guid UserId);

public sealed record TokenRequest(string? Email, string? Password);

public sealed record CurrentUserDto(Guid UserId, string Name, string Email, Guid? TenantId, string? TenantName, IReadOnlyList<string> Roles);

public interface IAccountAppService
{
    /// <summary>Creates the store (tenant) and its Owner in one transaction.</summary>
    Task<SignUpResult> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default);

    /// <summary>Checks the password (with lockout) and signs the user in with the dashboard cookie.</summary>
    Task SignInWithCookieAsync(string? email, string? password, bool rememberMe, CancellationToken cancellationToken = default);

    Task SignInWithCookieAsync(Guid userId, CancellationToken cancellationToken = default);

    Task SignOutAsync();

    Task<CurrentUserDto?> GetCurrentUserAsync(CancellationToken cancellationToken = default);
}
