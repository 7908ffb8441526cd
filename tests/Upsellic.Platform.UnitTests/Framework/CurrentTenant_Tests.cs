using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Platform.UnitTests.Framework;

public class CurrentTenant_Tests
{
    private readonly CurrentTenant _currentTenant = new();

    [Fact]
    public void Should_restore_the_previous_tenant_when_a_change_is_disposed()
    {
        var outer = Guid.NewGuid();
        var inner = Guid.NewGuid();

        using (_currentTenant.Change(outer))
        {
            using (_currentTenant.Change(inner))
            {
                _currentTenant.Id.ShouldBe(inner);
            }

            _currentTenant.Id.ShouldBe(outer);
            using (_currentTenant.Change(null))
            {
                _currentTenant.Id.ShouldBeNull();
                ((ICurrentTenant)_currentTenant).IsAvailable.ShouldBeFalse();
            }

            _currentTenant.Id.ShouldBe(outer);
        }

        _currentTenant.Id.ShouldBeNull();
    }

    [Fact]
    public async Task Should_flow_into_awaited_work_but_not_leak_out_of_it()
    {
        var tenant = Guid.NewGuid();
        Guid? seenInside = null;

        async Task WorkAsync()
        {
            using (_currentTenant.Change(tenant))
            {
                await Task.Yield();
                seenInside = await Task.Run(() => _currentTenant.Id);
            }
        }

        await WorkAsync();

        seenInside.ShouldBe(tenant);
        _currentTenant.Id.ShouldBeNull();
    }

    [Fact]
    public void Should_restore_only_once_when_disposed_twice()
    {
        var first = Guid.NewGuid();
        using (_currentTenant.Change(first))
        {
            var scope = _currentTenant.Change(Guid.NewGuid());
            scope.Dispose();
            using (_currentTenant.Change(Guid.NewGuid()))
            {
                scope.Dispose();
                _currentTenant.Id.ShouldNotBe(first);
            }

            _currentTenant.Id.ShouldBe(first);
        }
    }
}
