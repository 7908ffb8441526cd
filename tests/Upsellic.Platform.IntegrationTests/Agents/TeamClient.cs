using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.Agents;

/// <summary>Team API calls and the invitee's side of an invitation, as a browser or script would make them.</summary>
public static partial class TeamClient
{
    public const string AgentPassword = "Agent-pass-2026";

    public static async Task<JsonElement> InviteAsync(this HttpClient admin, string email, string role = "Agent")
    {
        var response = await admin.PostAsJsonAsync("/api/team/invitations", new { email, role });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient anonymous, string token, string name = "Alex Agent", string password = AgentPassword) =>
        anonymous.PostAsJsonAsync("/api/account/accept-invitation", new { token, name, password });

    /// <summary>Invites <paramref name="email"/> and accepts through the API; returns the new member's id.</summary>
    public static async Task<Guid> AddMemberAsync(this PlatformTestBase test, HttpClient admin, string email, string role = "Agent", string name = "Alex Agent")
    {
        var invitation = await admin.InviteAsync(email, role);
        var accepted = await test.NewClient().AcceptAsync(invitation.GetProperty("token").GetString()!, name);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        return (await accepted.ReadJsonAsync()).GetProperty("userId").GetGuid();
    }

    public static async Task<List<JsonElement>> MembersAsync(this HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/team/members")).EnumerateArray()];

    public static async Task<string?> CodeAsync(this HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).TryGetProperty("code", out var code) ? code.GetString() : null;

    public static async Task<JsonElement> FieldErrorsAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("errors");
    }

    /// <summary>Posts a Razor page form with its antiforgery token, as the browser does; the client keeps the cookies.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = AntiforgeryPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
