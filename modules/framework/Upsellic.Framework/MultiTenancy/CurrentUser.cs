using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Upsellic.Framework.MultiTenancy;

/// <summary>The signed-in person of the current request or hub call, like ABP's ICurrentUser.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    string? Name { get; }

    bool IsInRole(string role);
}

public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => Principal?.FindFirstValue(UpsellicClaimTypes.DisplayName) ?? Principal?.Identity?.Name;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
