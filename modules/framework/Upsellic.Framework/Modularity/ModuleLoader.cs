using System.Reflection;

namespace Upsellic.Framework.Modularity;

/// <summary>Finds every module reachable from the start-up module and orders them so dependencies come first.</summary>
public static class ModuleLoader
{
    public static IReadOnlyList<Type> GetModuleTypesInStartupOrder(Type startupModuleType)
    {
        var ordered = new List<Type>();
        Visit(startupModuleType, ordered, new HashSet<Type>(), new Stack<Type>());
        return ordered;
    }

    private static void Visit(Type moduleType, List<Type> ordered, HashSet<Type> done, Stack<Type> path)
    {
        if (!typeof(UpsellicModule).IsAssignableFrom(moduleType) || moduleType.IsAbstract)
        {
            throw new ArgumentException($"{moduleType.FullName} is not a concrete {nameof(UpsellicModule)}.", nameof(moduleType));
        }

        if (done.Contains(moduleType))
        {
            return;
        }

        if (path.Contains(moduleType))
        {
            var cycle = string.Join(" -> ", path.Reverse().Append(moduleType).Select(t => t.Name));
            throw new InvalidOperationException($"Circular module dependency: {cycle}");
        }

        path.Push(moduleType);
        foreach (var dependency in moduleType.GetCustomAttributes<DependsOnAttribute>().SelectMany(a => a.DependedModuleTypes))
        {
            Visit(dependency, ordered, done, path);
        }

        path.Pop();
        done.Add(moduleType);
        ordered.Add(moduleType);
    }
}
