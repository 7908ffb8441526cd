using System.Net;
using System.Net.Http.Json;
using Upsellic.Agents;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests.Agents;

public class Invitations_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_let_an_invited_agent_join_the_store_with_the_role_and_get_a_token()
    {
        var store = await CreateClient().SignUpAsync("Fern Hollow", "owner@fern.test");
        var owner = await NewClient().AuthorizeAsync("owner@fern.test");

        var invitation = await owner.InviteAsync("alex@fern.test", "agent");
        var acceptUrl = invitation.GetProperty("acceptUrl").GetString()!;
        var token = invitation.GetProperty("token").GetString()!;
        acceptUrl.ShouldEndWith($"/account/accept-invitation?token={token}");
        acceptUrl.ShouldStartWith("http://localhost");
        token.Length.ShouldBeGreaterThanOrEqualTo(43); // 256 random bits
        var accepted = await CreateClient().AcceptAsync(token, "Alex Agent");

        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var agent = await NewClient().AuthorizeAsync("alex@fern.test", TeamClient.AgentPassword);
        var me = await agent.GetFromJsonAsync<CurrentUserDto>("/api/account/me");
        me!.UserId.ShouldBe((await accepted.ReadJsonAsync()).GetProperty("userId").GetGuid());
        me.Name.ShouldBe("Alex Agent");
        me.Roles.ShouldBe([SaasRoles.Agent]);
        me.TenantId.ShouldBe(store.TenantId);
        me.TenantName.ShouldBe("Fern Hollow");
        var members = await agent.MembersAsync(); // any member may read the team
        members.Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString(), m.GetProperty("online").GetBoolean()))
            .ShouldBe([("owner@fern.test", "Owner", false), ("alex@fern.test", "Agent", false)], ignoreOrder: true);
        (await owner.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_accept_an_invitation_only_once()
    {
        await CreateClient().SignUpAsync("Once Only", "owner@once.test");
        var owner = await NewClient().AuthorizeAsync("owner@once.test");
        var token = (await owner.InviteAsync("sam@once.test")).GetProperty("token").GetString()!;
        (await CreateClient().AcceptAsync(token)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await CreateClient().AcceptAsync(token, "Someone Else", "Other-pass-2026");

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.CodeAsync()).ShouldBe(AgentsErrorCodes.InvitationAlreadyUsed);
        (await owner.MembersAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_let_only_one_of_two_simultaneous_acceptances_win()
    {
        await CreateClient().SignUpAsync("Race Store", "owner@race.test");
        var owner = await NewClient().AuthorizeAsync("owner@race.test");
        var token = (await owner.InviteAsync("twin@race.test")).GetProperty("token").GetString()!;

        var answers = await Task.WhenAll(CreateClient().AcceptAsync(token, "Twin One"), CreateClient().AcceptAsync(token, "Twin Two"));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await owner.MembersAsync()).Count(m => m.GetProperty("email").GetString() == "twin@race.test").ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_an_expired_invitation_and_drop_it_from_the_pending_list()
    {
        await CreateClient().SignUpAsync("Slow Store", "owner@slow.test");
        var owner = await NewClient().AuthorizeAsync("owner@slow.test");
        var token = (await owner.InviteAsync("late@slow.test")).GetProperty("token").GetString()!;
        (await owner.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!.Single().ExpiresAt
            .ShouldBe(Factory.Clock.GetUtcNow().AddDays(7), TimeSpan.FromMinutes(1));

        Factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var accepted = await CreateClient().AcceptAsync(token);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var problem = await accepted.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(AgentsErrorCodes.InvitationExpired);
        problem.GetProperty("title").GetString()!.ShouldContain("expired");
        (await CreateClient().RequestTokenAsync("late@slow.test", TeamClient.AgentPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_replace_an_earlier_invitation_and_refuse_a_revoked_one()
    {
        await CreateClient().SignUpAsync("Revoke Store", "owner@revoke.test");
        var owner = await NewClient().AuthorizeAsync("owner@revoke.test");
        var first = (await owner.InviteAsync("kim@revoke.test", "Agent")).GetProperty("token").GetString()!;
        var second = await owner.InviteAsync("KIM@revoke.test", "Admin");

        var withFirst = await CreateClient().AcceptAsync(first);
        withFirst.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await withFirst.CodeAsync()).ShouldBe(AgentsErrorCodes.InvitationRevoked);
        var pending = (await owner.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!;
        pending.Single().Role.ShouldBe("Admin");

        (await owner.DeleteAsync($"/api/team/invitations/{second.GetProperty("invitationId").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var withSecond = await CreateClient().AcceptAsync(second.GetProperty("token").GetString()!);

        (await withSecond.CodeAsync()).ShouldBe(AgentsErrorCodes.InvitationRevoked);
        (await owner.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!.ShouldBeEmpty();
        (await CreateClient().AcceptAsync("not-a-real-token")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not-an-email", "Agent", "email")]
    [InlineData("", "Agent", "email")]
    [InlineData("pat@bad.test", "Owner", "role")]
    [InlineData("pat@bad.test", "Manager", "role")]
    [InlineData("owner@other.test", "Agent", "email")] // already has an account, in another store
    public async Task Should_reject_a_bad_invitation_with_a_field_error(string email, string role, string field)
    {
        await CreateClient().SignUpAsync("Other Store", "owner@other.test");
        await CreateClient().SignUpAsync("Bad Input", "owner@bad.test");
        var owner = await NewClient().AuthorizeAsync("owner@bad.test");

        var errors = await (await owner.PostAsJsonAsync("/api/team/invitations", new { email, role })).FieldErrorsAsync();

        errors.TryGetProperty(field, out var reasons).ShouldBeTrue(errors.ToString());
        reasons.GetArrayLength().ShouldBeGreaterThan(0);
        (await owner.GetFromJsonAsync<List<InvitationDto>>("/api/team/invitations"))!.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Pat", "short", "password")]
    [InlineData("Pat", "longbutnodigits", "password")]
    [InlineData("", TeamClient.AgentPassword, "name")]
    public async Task Should_reject_a_bad_acceptance_with_a_field_error_and_keep_the_invitation(string name, string password, string field)
    {
        await CreateClient().SignUpAsync("Weak Store", "owner@weak.test");
        var owner = await NewClient().AuthorizeAsync("owner@weak.test");
        var token = (await owner.InviteAsync("pat@weak.test")).GetProperty("token").GetString()!;

        var errors = await (await CreateClient().AcceptAsync(token, name, password)).FieldErrorsAsync();

        errors.TryGetProperty(field, out _).ShouldBeTrue(errors.ToString());
        (await CreateClient().AcceptAsync(token, "Pat", TeamClient.AgentPassword)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_put_the_invitation_email_with_the_link_in_the_development_outbox()
    {
        var ownerBrowser = CreateClient(); // sign-up leaves the dashboard cookie on this client
        await ownerBrowser.SignUpAsync("Mail <Store>", "owner@mail.test");
        var invitation = await ownerBrowser.InviteAsync("robin@mail.test");
        invitation.GetProperty("emailSent").GetBoolean().ShouldBeTrue();

        var outbox = await ownerBrowser.GetStringAsync("/team/outbox");

        outbox.ShouldContain("robin@mail.test");
        outbox.ShouldContain(invitation.GetProperty("acceptUrl").GetString()!);
        outbox.ShouldContain("Mail &lt;Store&gt;"); // the store name is text, never markup
        outbox.ShouldNotContain("Mail <Store>");
    }

    [Fact]
    public async Task Should_join_through_the_accept_page_and_land_signed_in_on_live_chat()
    {
        await CreateClient().SignUpAsync("Page Store", "owner@page.test");
        var owner = await NewClient().AuthorizeAsync("owner@page.test");
        var acceptUrl = new Uri((await owner.InviteAsync("jo@page.test")).GetProperty("acceptUrl").GetString()!).PathAndQuery;
        var browser = CreateClient();
        (await browser.GetStringAsync(acceptUrl)).ShouldContain("Page Store");

        var joined = await browser.PostFormAsync(acceptUrl, new() { ["Input.Name"] = "Jo <i>Page</i>", ["Input.Password"] = TeamClient.AgentPassword });

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect, await joined.Content.ReadAsStringAsync());
        joined.Headers.Location!.ToString().ShouldBe("/livechat");
        var me = await browser.GetFromJsonAsync<CurrentUserDto>("/api/account/me");
        me!.Roles.ShouldBe([SaasRoles.Agent]);
        var team = await browser.GetStringAsync("/team");
        team.ShouldContain("Jo &lt;i&gt;Page&lt;/i&gt;");
        team.ShouldNotContain("Send invitation"); // agents see the team, not the invite form
    }
}
