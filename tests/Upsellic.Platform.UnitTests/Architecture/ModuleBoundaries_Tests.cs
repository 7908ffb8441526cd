using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NetArchTest.Rules;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Platform.UnitTests.Architecture;

/// <summary>ARCHITECTURE.md rule 8: module boundaries, a pure Domain, and a tenant filter on every multi-tenant entity.</summary>
public class ModuleBoundaries_Tests
{
    private const string FrameworkAssembly = "Upsellic.Framework";

    /// <summary>Every Upsellic assembly next to the tests; a new module is checked as soon as the tests reference it.</summary>
    private static readonly IReadOnlyList<Assembly> PlatformAssemblies = Directory
        .GetFiles(AppContext.BaseDirectory, "Upsellic.*.dll")
        .Select(path => Path.GetFileNameWithoutExtension(path))
        .Where(name => !name.StartsWith("Upsellic.Platform.", StringComparison.Ordinal))
        .Select(name => Assembly.Load(name))
        .ToList();

    private static IEnumerable<Assembly> ContractsAssemblies => PlatformAssemblies.Where(a => a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal));

    private static IEnumerable<Assembly> ImplementationAssemblies => PlatformAssemblies
        .Where(a => a.GetName().Name != FrameworkAssembly && !a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal)
            && !a.GetName().Name!.EndsWith(".Tool", StringComparison.Ordinal));

    [Fact]
    public void Should_find_the_modules_it_checks()
    {
        ImplementationAssemblies.Select(a => a.GetName().Name).ShouldContain("Upsellic.Saas");
        ImplementationAssemblies.Select(a => a.GetName().Name).ShouldContain("Upsellic.HandoffIntelligence");
        ImplementationAssemblies.Select(a => a.GetName().Name).ShouldContain("Upsellic.Agents");
        ContractsAssemblies.Select(a => a.GetName().Name).ShouldContain("Upsellic.Saas.Contracts");
    }

    [Fact]
    public void Should_not_reference_another_modules_implementation()
    {
        var implementationNames = ImplementationAssemblies.Select(a => a.GetName().Name!).ToHashSet();
        var violations = PlatformAssemblies
            .SelectMany(assembly => assembly.GetReferencedAssemblies()
                .Where(reference => implementationNames.Contains(reference.Name!) && reference.Name != assembly.GetName().Name)
                .Select(reference => $"{assembly.GetName().Name} -> {reference.Name}"))
            .ToList();

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_contracts_free_of_ef_core()
    {
        var violations = ContractsAssemblies
            .SelectMany(assembly => assembly.GetReferencedAssemblies()
                .Where(reference => reference.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
                .Select(reference => $"{assembly.GetName().Name} -> {reference.Name}"))
            .ToList();

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_domain_free_of_ef_core_and_aspnet_core()
    {
        foreach (var assembly in ImplementationAssemblies)
        {
            var result = Types.InAssembly(assembly)
                .That().ResideInNamespaceMatching(@"\.Domain(\.|$)")
                .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql")
                .GetResult();

            (result.FailingTypeNames ?? []).ShouldBeEmpty($"Domain types of {assembly.GetName().Name}");
        }
    }

    [Fact]
    public void Should_filter_every_multi_tenant_entity_by_tenant()
    {
        var contexts = ImplementationAssemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetInterfaces()
                .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .Select(factory => (DbContext)factory.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!
                .Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!)
            .ToList();
        contexts.ShouldNotBeEmpty();

        var unfiltered = contexts
            .SelectMany(context => context.Model.GetEntityTypes()
                .Where(entity => typeof(IMultiTenant).IsAssignableFrom(entity.ClrType) && entity.GetDeclaredQueryFilters().Count == 0)
                .Select(entity => $"{context.GetType().Name}.{entity.ClrType.Name}"))
            .ToList();

        unfiltered.ShouldBeEmpty();
        foreach (var context in contexts)
        {
            context.Dispose();
        }
    }
}
