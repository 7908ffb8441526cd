using System.Net;
using System.Net.Http.Json;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests;

public class Account_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_create_the_store_and_its_owner_and_sign_the_merchant_in()
    {
        var client = CreateClient();

        var result = await client.SignUpAsync("Blue Fern Botanicals", "owner@bluefern.test");

        // The sign-up answer carries the dashboard cookie: the same client is now signed in.
        var me = await client.GetFromJsonAsync<CurrentUserDto>("/api/account/me");
        me.ShouldNotBeNull();
        me.UserId.ShouldBe(result.UserId);
        me.TenantId.ShouldBe(result.TenantId);
        me.TenantName.ShouldBe("Blue Fern Botanicals");
        me.Email.ShouldBe("owner@bluefern.test");
        me.Roles.ShouldBe([SaasRoles.Owner]);
    }

    [Fact]
    public async Task Should_issue_a_bearer_token_that_the_api_accepts()
    {
        await CreateClient().SignUpAsync("Token Store", "token@store.test");
        var client = await CreateClient().AuthorizeAsync("token@store.test");

        var me = await client.GetFromJsonAsync<CurrentUserDto>("/api/account/me");

        me!.Email.ShouldBe("token@store.test");
    }

    [Fact]
    public async Task Should_sign_in_with_the_login_page_and_open_the_dashboard()
    {
        await CreateClient().SignUpAsync("Cookie Store", "cookie@store.test");
        var client = CreateClient();
        var loginPage = await client.GetStringAsync("/account/login");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(loginPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "cookie@store.test",
            ["Input.Password"] = ApiExtensions.StrongPassword,
            ["__RequestVerificationToken"] = antiforgery,
        }));

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dashboard = await client.GetStringAsync("/");
        dashboard.ShouldContain("Cookie Store");
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_and_an_unknown_email_alike()
    {
        await CreateClient().SignUpAsync("Careful Store", "careful@store.test");

        var wrongPassword = await CreateClient().RequestTokenAsync("careful@store.test", "Wrong-pass-1");
        var unknownEmail = await CreateClient().RequestTokenAsync("nobody@store.test", "Wrong-pass-1");

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrongPassword.ReadJsonAsync()).GetProperty("title").GetString()
            .ShouldBe((await unknownEmail.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Should_lock_the_account_after_repeated_failures_even_for_the_right_password()
    {
        await CreateClient().SignUpAsync("Locked Store", "locked@store.test");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await CreateClient().RequestTokenAsync("locked@store.test", "Wrong-pass-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var rightPassword = await CreateClient().RequestTokenAsync("locked@store.test", ApiExtensions.StrongPassword);

        rightPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await rightPassword.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(SaasErrorCodes.LockedOut);
    }

    [Theory]
    [InlineData("Good Store", "not-an-email", ApiExtensions.StrongPassword, "email")]
    [InlineData("Good Store", "weak@store.test", "short", "password")]
    [InlineData("Good Store", "weak@store.test", "longbutnodigits", "password")]
    [InlineData("", "empty@store.test", ApiExtensions.StrongPassword, "storeName")]
    [InlineData("   ", "blank@store.test", ApiExtensions.StrongPassword, "storeName")]
    public async Task Should_reject_bad_sign_up_input_with_field_errors_and_create_nothing(string storeName, string email, string password, string field)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/account/sign-up", new { storeName, name = "Owner", email, password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").TryGetProperty(field, out var reasons).ShouldBeTrue(problem.ToString());
        reasons.GetArrayLength().ShouldBeGreaterThan(0);
        var admin = await CreateClient().AuthorizeAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        (await admin.GetFromJsonAsync<List<TenantDto>>("/api/admin/tenants"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_reject_a_duplicate_email_whatever_its_case()
    {
        await CreateClient().SignUpAsync("First Store", "taken@store.test");

        var response = await CreateClient().PostAsJsonAsync("/api/account/sign-up",
            new { storeName = "Second Store", name = "Someone", email = "TAKEN@store.test", password = ApiExtensions.StrongPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("email")[0].GetString()!.ShouldContain("already exists");
    }

    [Fact]
    public async Task Should_reject_a_body_that_is_not_json()
    {
        var response = await CreateClient().PostAsync("/api/account/sign-up",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_answer_401_to_an_anonymous_api_call_and_redirect_a_page_to_login()
    {
        var client = CreateClient();

        (await client.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync("/livechat");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
