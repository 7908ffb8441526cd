using System.Net;
using System.Net.Http.Json;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests;

public class TenantAdmin_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    private Task<HttpClient> AdminAsync() => CreateClient().AuthorizeAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

    [Fact]
    public async Task Should_list_tenants_with_their_usage()
    {
        var store = await CreateClient().SignUpAsync("Listed Store", "listed@store.test");
        var admin = await AdminAsync();

        var tenants = await admin.GetFromJsonAsync<List<TenantDto>>("/api/admin/tenants");

        var listed = tenants!.ShouldHaveSingleItem();
        listed.Id.ShouldBe(store.TenantId);
        listed.Name.ShouldBe("Listed Store");
        listed.Status.ShouldBe(TenantStatus.Active);
        listed.Agents.ShouldBe(1);
        listed.Conversations.ShouldBe(0);
    }

    [Fact]
    public async Task Should_create_a_tenant_whose_owner_can_sign_in()
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/tenants", new
        {
            storeName = "Admin Made",
            ownerName = "Olive Owner",
            ownerEmail = "olive@adminmade.test",
            ownerPassword = ApiExtensions.StrongPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var owner = await CreateClient().AuthorizeAsync("olive@adminmade.test");
        (await owner.GetFromJsonAsync<CurrentUserDto>("/api/account/me"))!.Roles.ShouldBe([SaasRoles.Owner]);
    }

    [Fact]
    public async Task Should_name_the_admin_request_fields_in_its_errors()
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/tenants", new { storeName = "X", ownerName = "", ownerEmail = "nope", ownerPassword = "1" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.TryGetProperty("ownerName", out _).ShouldBeTrue();
        errors.TryGetProperty("ownerEmail", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_forbid_admin_routes_to_tenant_users_and_anonymous_callers()
    {
        var store = await CreateClient().SignUpAsync("Curious Store", "curious@store.test");
        var owner = await CreateClient().AuthorizeAsync("curious@store.test");

        (await owner.GetAsync("/api/admin/tenants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.PostAsync($"/api/admin/tenants/{store.TenantId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CreateClient().GetAsync("/api/admin/tenants")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await CreateClient().GetAsync("/admin/tenants");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/login");
        (await owner.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_lock_a_disabled_tenant_out_at_once_and_let_it_back_in_when_enabled()
    {
        var store = await CreateClient().SignUpAsync("Paused Store", "paused@store.test");
        var cookieClient = CreateClient();
        await cookieClient.SignUpAsync("Other Store", "other@store.test");
        var owner = await CreateClient().AuthorizeAsync("paused@store.test");
        var admin = await AdminAsync();
        (await owner.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync($"/api/admin/tenants/{store.TenantId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refused = await owner.GetAsync("/api/account/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe("Upsellic:TenantUnavailable");
        var login = await CreateClient().RequestTokenAsync("paused@store.test", ApiExtensions.StrongPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await login.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(SaasErrorCodes.TenantDisabled);
        (await cookieClient.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "another store is not affected");
        Factory.Events.All.ShouldContain(new TenantStatusChangedEto(store.TenantId, TenantStatus.Disabled));

        (await admin.PostAsync($"/api/admin/tenants/{store.TenantId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await owner.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_tenant()
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsync($"/api/admin/tenants/{Guid.NewGuid()}/disable", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(SaasErrorCodes.TenantNotFound);
    }

    [Fact]
    public async Task Should_open_the_tenants_page_for_the_platform_admin_and_keep_store_pages_from_them()
    {
        var admin = await AdminAsync();

        (await admin.GetAsync("/admin/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/livechat")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
