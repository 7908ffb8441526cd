using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Platform.UnitTests.Framework;

public class DataFilter_Tests
{
    private readonly DataFilter _dataFilter = new();

    [Fact]
    public void Should_be_enabled_by_default_and_restored_after_disable()
    {
        _dataFilter.IsEnabled<IMultiTenant>().ShouldBeTrue();

        using (_dataFilter.Disable<IMultiTenant>())
        {
            _dataFilter.IsEnabled<IMultiTenant>().ShouldBeFalse();
            using (_dataFilter.Enable<IMultiTenant>())
            {
                _dataFilter.IsEnabled<IMultiTenant>().ShouldBeTrue();
            }

            _dataFilter.IsEnabled<IMultiTenant>().ShouldBeFalse();
        }

        _dataFilter.IsEnabled<IMultiTenant>().ShouldBeTrue();
    }

    [Fact]
    public void Should_keep_filters_of_different_types_apart()
    {
        using (_dataFilter.Disable<IMultiTenant>())
        {
            _dataFilter.IsEnabled<IOtherFilter>().ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Should_not_leak_a_disabled_filter_to_parallel_work()
    {
        var disabled = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var disabledWork = Task.Run(async () =>
        {
            using (_dataFilter.Disable<IMultiTenant>())
            {
                disabled.SetResult();
                await release.Task;
            }
        });
        await disabled.Task;

        var seenElsewhere = await Task.Run(() => _dataFilter.IsEnabled<IMultiTenant>());
        release.SetResult();
        await disabledWork;

        seenElsewhere.ShouldBeTrue();
    }

    private interface IOtherFilter;
}
