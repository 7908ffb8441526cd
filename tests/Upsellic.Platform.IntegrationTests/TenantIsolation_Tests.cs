using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.Data;
using Upsellic.Framework.Domain;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Platform.IntegrationTests;

public class TenantIsolation_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_never_show_tenant_A_rows_to_tenant_B_queries()
    {
        var storeA = await CreateClient().SignUpAsync("Store A", "a@stores.test");
        var storeB = await CreateClient().SignUpAsync("Store B", "b@stores.test");

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SaasDbContext>();
        var currentTenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>();
        using (currentTenant.Change(storeB.TenantId))
        {
            var visible = await db.Users.AsNoTracking().ToListAsync();
            visible.Select(u => u.Email).ShouldBe(["b@stores.test"]);
            (await db.Users.AnyAsync(u => u.Id == storeA.UserId)).ShouldBeFalse();
            (await db.Users.CountAsync(u => u.Email == "a@stores.test")).ShouldBe(0);
            (await db.Users.FindAsync(storeA.UserId)).ShouldBeNull();
        }

        using (currentTenant.Change(storeA.TenantId))
        {
            (await db.Users.AsNoTracking().Select(u => u.Email).ToListAsync()).ShouldBe(["a@stores.test"]);
        }
    }

    [Fact]
    public async Task Should_refuse_a_write_to_another_tenants_row()
    {
        var storeA = await CreateClient().SignUpAsync("Store A", "a@stores.test");
        var storeB = await CreateClient().SignUpAsync("Store B", "b@stores.test");

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SaasDbContext>();
        var currentTenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>();
        var dataFilter = scope.ServiceProvider.GetRequiredService<IDataFilter>();
        using (currentTenant.Change(storeB.TenantId))
        {
            // Even code that lifts the filter to reach tenant A's row cannot save a change to it as tenant B.
            using (dataFilter.Disable<IMultiTenant>())
            {
                var userOfA = await db.Users.SingleAsync(u => u.Id == storeA.UserId);
                userOfA.DisplayName = "Changed by B";
                var error = await Should.ThrowAsync<BusinessException>(() => db.SaveChangesAsync());
                error.Code.ShouldBe(MultiTenantSaveChangesInterceptor.CrossTenantWriteCode);
                db.ChangeTracker.Clear();

                db.Users.Remove(await db.Users.SingleAsync(u => u.Id == storeA.UserId));
                await Should.ThrowAsync<BusinessException>(() => db.SaveChangesAsync());
            }
        }

        await using var check = Factory.Services.CreateAsyncScope();
        var untouched = await check.ServiceProvider.GetRequiredService<SaasDbContext>().Users.IgnoreQueryFilters()
            .SingleAsync(u => u.Id == storeA.UserId);
        untouched.DisplayName.ShouldBe("Store Owner");
    }

    [Fact]
    public async Task Should_stamp_the_current_tenant_on_new_rows()
    {
        var store = await CreateClient().SignUpAsync("Stamped Store", "stamp@stores.test");

        await using var scope = Factory.Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<SaasDbContext>().Users.IgnoreQueryFilters()
            .SingleAsync(u => u.Id == store.UserId);

        owner.TenantId.ShouldBe(store.TenantId);
    }
}
