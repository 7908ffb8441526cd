using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Conversations;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.BackgroundJobs;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

/// <summary>
/// Work a dying host takes with it, done by the watcher instead: the AI turn that runs in the process that stored the
/// shopper's message, and the pickup timeout's job that is scheduled just after the handoff's commit.
/// </summary>
public class ConversationWatcher_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_answer_a_shopper_message_whose_turn_was_lost_once_it_is_overdue()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Lost Turn Outfitters", "owner@lostturn.test");
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();

        // As if the host died right after the commit: the message is stored and no turn is under way.
        var sequence = await StoreShopperMessageWithoutTurnAsync(store.TenantId, shopper.ConversationId, "How long does shipping take?");

        // Several sweeps (every 0.5 s here) pass it by while a turn may still be running.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        (await shopper.GetConversationAsync(sequence)).GetProperty("messages").GetArrayLength().ShouldBe(0, "not overdue yet");

        Factory.Clock.Advance(UnansweredMessageSweep.AnswerGrace);

        var reply = await shopper.WaitForMessageAsync(sequence, "Assistant", TimeSpan.FromSeconds(5));
        reply.GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await shopper.GetConversationAsync(sequence)).GetProperty("messages").GetArrayLength().ShouldBe(1, "answered once, not once per sweep");
    }

    [Fact]
    public async Task Should_offer_the_channels_when_a_handoffs_pickup_timeout_job_was_lost()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Lost Timer Outfitters", "owner@losttimer.test");
        var (api, token) = await AgentClient.TokenClientAsync(CreateClient(), "owner@losttimer.test");
        await using var agent = await AgentClient.ConnectAsync(Factory, api, token);
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();
        var sent = await shopper.SayAsync("My order 1042 never arrived and tracking hasn't moved in a week, I need this sorted");
        await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);

        // As if the host died between the handoff's commit and the job's scheduling: the job is deleted before it fires.
        var jobs = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        string? jobId = null;
        await Eventually.HoldsAsync(() =>
        {
            jobId = jobs.ScheduledJobs(0, 100).FirstOrDefault(j => j.Value.Job.Args.OfType<PickupTimeoutArgs>()
                .Any(a => a.ConversationId == shopper.ConversationId)).Key;
            return Task.FromResult(jobId is not null);
        }, "the pickup timeout job is scheduled after the handoff");
        Factory.Services.GetRequiredService<IBackgroundJobClient>().Delete(jobId).ShouldBeTrue();

        var options = Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveChatOptions>>().Value;
        Factory.Clock.Advance(options.PickupTimeout + options.LostPickupTimeoutGrace);

        var notice = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64() + 1, "System", TimeSpan.FromSeconds(5));
        notice.GetProperty("text").GetString()!.ShouldContain("hasn't been able to join yet", Case.Insensitive, "the timeout's own words");
        (await shopper.GetConversationAsync()).GetProperty("contactChannels").GetArrayLength().ShouldBe(2);
    }

    private async Task<long> StoreShopperMessageWithoutTurnAsync(Guid tenantId, Guid conversationId, string text)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var conversation = await scope.ServiceProvider.GetRequiredService<ConversationsDbContext>().Conversations.SingleAsync(c => c.Id == conversationId);
            var stored = await scope.ServiceProvider.GetRequiredService<MessageAppender>()
                .AppendAsync(conversation, new NewMessage(MessageRole.Shopper, text), CancellationToken.None);
            return stored.Message.Sequence;
        }
    }
}
