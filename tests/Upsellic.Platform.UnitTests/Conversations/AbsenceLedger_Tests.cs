using Upsellic.Conversations.Application;

namespace Upsellic.Platform.UnitTests.Conversations;

public class AbsenceLedger_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private readonly (Guid ConversationId, Guid AgentId) _waiting = (Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void Should_count_an_absence_only_once_it_has_lasted_the_grace()
    {
        var ledger = new AbsenceLedger();

        ledger.StillAbsent([_waiting], Start, Grace).ShouldBeEmpty();
        ledger.StillAbsent([_waiting], Start.AddSeconds(9), Grace).ShouldBeEmpty();
        ledger.StillAbsent([_waiting], Start.AddSeconds(10), Grace).ShouldBe([_waiting]);
    }

    [Fact]
    public void Should_start_from_zero_for_an_agent_whose_tab_came_back_in_between()
    {
        var ledger = new AbsenceLedger();
        ledger.StillAbsent([_waiting], Start, Grace);

        ledger.StillAbsent([], Start.AddSeconds(5), Grace).ShouldBeEmpty(); // the tab reconnected
        ledger.StillAbsent([_waiting], Start.AddSeconds(12), Grace).ShouldBeEmpty();

        ledger.StillAbsent([_waiting], Start.AddSeconds(22), Grace).ShouldBe([_waiting]);
    }

    [Fact]
    public void Should_move_on_at_once_when_no_grace_is_set()
    {
        new AbsenceLedger().StillAbsent([_waiting], Start, TimeSpan.Zero).ShouldBe([_waiting]);
    }
}
