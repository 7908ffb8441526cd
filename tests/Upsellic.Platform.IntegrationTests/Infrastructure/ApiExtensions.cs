using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests.Infrastructure;

public static class ApiExtensions
{
    public const string StrongPassword = "Merchant-pass-1";

    public static async Task<SignUpResult> SignUpAsync(this HttpClient client, string storeName, string email)
    {
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { storeName, name = "Store Owner", email, password = StrongPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SignUpResult>())!;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/account/token", new { email, password });

    /// <summary>A client that calls the API with a bearer token of the given user, as an integrator's script would.</summary>
    public static async Task<HttpClient> AuthorizeAsync(this HttpClient client, string email, string password = StrongPassword)
    {
        var response = await client.RequestTokenAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
