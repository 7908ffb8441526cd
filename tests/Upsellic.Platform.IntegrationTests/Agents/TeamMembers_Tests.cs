using System.Net;
using System.Net.Http.Json;
using Upsellic.Agents;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests.Agents;

public class TeamMembers_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_keep_each_stores_invitations_and_members_to_itself()
    {
        await CreateClient().SignUpAsync("Store A", "owner@a.test");
        await CreateClient().SignUpAsync("Store B", "owner@b.test");
        var ownerA = await NewClient().AuthorizeAsync("owner@a.test");
        var ownerB = await NewClient().AuthorizeAsync("owner@b.test");
        var invitationA = (await ownerA.InviteAsync("pending@a.test")).GetProperty("invitationId").GetGuid();
        var agentA = await this.AddMemberAsync(ownerA, "agent@a.test");

        (await ownerB.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!.ShouldBeEmpty();
        (await ownerB.MembersAsync()).Select(m => m.GetProperty("email").GetString()).ShouldBe(["owner@b.test"]);
        (await ownerB.DeleteAsync($"/api/team/invitations/{invitationA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ownerB.PutAsJsonAsync($"/api/team/members/{agentA}/role", new { role = "Admin" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ownerB.DeleteAsync($"/api/team/members/{agentA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ownerA.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!.Single().Id.ShouldBe(invitationA);
        (await ownerA.MembersAsync()).Single(m => m.GetProperty("userId").GetGuid() == agentA).GetProperty("role").GetString().ShouldBe("Agent");
    }

    [Fact]
    public async Task Should_end_a_removed_members_bearer_token_and_cookie_on_the_next_request()
    {
        var store = await CreateClient().SignUpAsync("Leaving Store", "owner@leaving.test");
        var owner = await NewClient().AuthorizeAsync("owner@leaving.test");
        var agentId = await this.AddMemberAsync(owner, "gone@leaving.test");
        var bearer = await NewClient().AuthorizeAsync("gone@leaving.test", TeamClient.AgentPassword);
        var cookie = CreateClient();
        (await cookie.PostFormAsync("/account/login", new() { ["Input.Email"] = "gone@leaving.test", ["Input.Password"] = TeamClient.AgentPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await bearer.GetAsync("/api/team/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync("/api/team/members")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.DeleteAsync($"/api/team/members/{agentId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await bearer.GetAsync("/api/team/members")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await cookie.GetAsync("/livechat");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/login");
        (await NewClient().RequestTokenAsync("gone@leaving.test", TeamClient.AgentPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await owner.MembersAsync()).ShouldNotContain(m => m.GetProperty("userId").GetGuid() == agentId);
        Factory.Events.All.ShouldContain(new TeamMemberRemovedEto(store.TenantId, agentId));
    }

    [Fact]
    public async Task Should_protect_the_owner_and_refuse_removing_yourself()
    {
        var store = await CreateClient().SignUpAsync("Guarded Store", "owner@guarded.test");
        var owner = await NewClient().AuthorizeAsync("owner@guarded.test");
        await this.AddMemberAsync(owner, "admin@guarded.test", "Admin", "Ada Admin");
        var admin = await NewClient().AuthorizeAsync("admin@guarded.test", TeamClient.AgentPassword);
        var ownerId = (await owner.GetFromJsonAsync<CurrentUserDto>("/api/account/me"))!.UserId;
        var adminId = (await admin.GetFromJsonAsync<CurrentUserDto>("/api/account/me"))!.UserId;

        var demote = await admin.PutAsJsonAsync($"/api/team/members/{ownerId}/role", new { role = "Agent" });
        var removeOwner = await admin.DeleteAsync($"/api/team/members/{ownerId}");
        var ownerDemotesSelf = await owner.PutAsJsonAsync($"/api/team/members/{ownerId}/role", new { role = "Admin" });
        var removeSelf = await admin.DeleteAsync($"/api/team/members/{adminId}");
        var makeOwner = await owner.PutAsJsonAsync($"/api/team/members/{adminId}/role", new { role = "Owner" });

        demote.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await demote.CodeAsync()).ShouldBe(SaasErrorCodes.OwnerProtected);
        (await removeOwner.CodeAsync()).ShouldBe(SaasErrorCodes.OwnerProtected);
        (await ownerDemotesSelf.CodeAsync()).ShouldBe(SaasErrorCodes.OwnerProtected);
        removeSelf.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await removeSelf.CodeAsync()).ShouldBe(SaasErrorCodes.CannotRemoveYourself);
        (await makeOwner.FieldErrorsAsync()).TryGetProperty("role", out _).ShouldBeTrue();
        (await owner.MembersAsync()).Select(m => m.GetProperty("role").GetString()).ShouldBe(["Owner", "Admin"], ignoreOrder: true);
        store.TenantId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Should_let_an_admin_change_a_role_that_applies_on_the_next_request()
    {
        await CreateClient().SignUpAsync("Promo Store", "owner@promo.test");
        var owner = await NewClient().AuthorizeAsync("owner@promo.test");
        await this.AddMemberAsync(owner, "admin@promo.test", "Admin");
        var admin = await NewClient().AuthorizeAsync("admin@promo.test", TeamClient.AgentPassword);
        var agentId = await this.AddMemberAsync(admin, "rising@promo.test");
        var agentCookie = CreateClient();
        await agentCookie.PostFormAsync("/account/login", new() { ["Input.Email"] = "rising@promo.test", ["Input.Password"] = TeamClient.AgentPassword });
        var agentBearer = await NewClient().AuthorizeAsync("rising@promo.test", TeamClient.AgentPassword);
        (await agentBearer.PostAsJsonAsync("/api/team/invitations", new { email = "x@promo.test", role = "Agent" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agentCookie.GetAsync("/api/team/invitations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.PutAsJsonAsync($"/api/team/members/{agentId}/role", new { role = "Admin" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The cookie is renewed with the new role; a bearer token cannot be, so it ends and a new one carries the role.
        (await agentCookie.GetAsync("/api/team/invitations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agentCookie.GetFromJsonAsync<CurrentUserDto>("/api/account/me"))!.Roles.ShouldBe([SaasRoles.Admin]);
        (await agentBearer.GetAsync("/api/team/members")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var renewed = await NewClient().AuthorizeAsync("rising@promo.test", TeamClient.AgentPassword);
        (await renewed.GetAsync("/api/team/invitations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_give_each_member_a_chat_profile_they_can_edit()
    {
        await CreateClient().SignUpAsync("Profile Store", "owner@profile.test");
        var owner = await NewClient().AuthorizeAsync("owner@profile.test");
        await this.AddMemberAsync(owner, "maria@profile.test", name: "María José Pérez");
        var agent = await NewClient().AuthorizeAsync("maria@profile.test", TeamClient.AgentPassword);

        var profile = await agent.GetFromJsonAsync<AgentProfileDto>("/api/team/profile");
        profile!.DisplayName.ShouldBe("María José Pérez");
        profile.Initials.ShouldBe("MJ");
        profile.Colour.ShouldMatch("^#[0-9A-F]{6}$");

        var saved = await agent.PutAsJsonAsync("/api/team/profile", new { displayName = "María", initials = "mp", colour = "#0e7490" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await agent.GetFromJsonAsync<AgentProfileDto>("/api/team/profile")).ShouldBe(new AgentProfileDto(profile.UserId, "María", "MP", "#0E7490"));

        var errors = await (await agent.PutAsJsonAsync("/api/team/profile", new { displayName = " ", initials = "<b>", colour = "red;" })).FieldErrorsAsync();
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["displayName", "initials", "colour"], ignoreOrder: true);
    }
}
