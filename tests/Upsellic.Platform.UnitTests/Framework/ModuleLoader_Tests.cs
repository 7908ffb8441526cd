using Upsellic.Framework.Modularity;

namespace Upsellic.Platform.UnitTests.Framework;

public class ModuleLoader_Tests
{
    [Fact]
    public void Should_order_dependencies_before_dependants_and_visit_each_once()
    {
        var order = ModuleLoader.GetModuleTypesInStartupOrder(typeof(AppModule));

        order.ShouldBe([typeof(CoreModule), typeof(DataModule), typeof(WebModule), typeof(AppModule)]);
    }

    [Fact]
    public void Should_refuse_a_circular_dependency()
    {
        var error = Should.Throw<InvalidOperationException>(() => ModuleLoader.GetModuleTypesInStartupOrder(typeof(CycleA)));

        error.Message.ShouldContain("CycleA -> CycleB -> CycleA");
    }

    [Fact]
    public void Should_refuse_a_type_that_is_not_a_module()
    {
        Should.Throw<ArgumentException>(() => ModuleLoader.GetModuleTypesInStartupOrder(typeof(string)));
    }

    private sealed class CoreModule : UpsellicModule;

    [DependsOn(typeof(CoreModule))]
    private sealed class DataModule : UpsellicModule;

    [DependsOn(typeof(CoreModule), typeof(DataModule))]
    private sealed class WebModule : UpsellicModule;

    [DependsOn(typeof(WebModule), typeof(DataModule))]
    private sealed class AppModule : UpsellicModule;

    [DependsOn(typeof(CycleB))]
    private sealed class CycleA : UpsellicModule;

    [DependsOn(typeof(CycleA))]
    private sealed class CycleB : UpsellicModule;
}
