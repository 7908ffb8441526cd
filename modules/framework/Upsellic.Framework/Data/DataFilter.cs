using System.Collections.Concurrent;

namespace Upsellic.Framework.Data;

/// <summary>Turns a global data filter (e.g. <c>IMultiTenant</c>) off or on for a scope, like ABP's IDataFilter.</summary>
public interface IDataFilter
{
    IDisposable Disable<TFilter>() where TFilter : class;

    IDisposable Enable<TFilter>() where TFilter : class;

    bool IsEnabled<TFilter>() where TFilter : class;
}

public sealed class DataFilter : IDataFilter
{
    // One AsyncLocal per filter type: the state flows with the async call and never crosses requests.
    private static readonly ConcurrentDictionary<Type, AsyncLocal<bool?>> States = new();

    public IDisposable Disable<TFilter>() where TFilter : class => Set<TFilter>(false);

    public IDisposable Enable<TFilter>() where TFilter : class => Set<TFilter>(true);

    public bool IsEnabled<TFilter>() where TFilter : class => StateOf<TFilter>().Value ?? true;

    private static IDisposable Set<TFilter>(bool enabled) where TFilter : class
    {
        var state = StateOf<TFilter>();
        var previous = state.Value;
        state.Value = enabled;
        return new DisposeAction(() => state.Value = previous);
    }

    private static AsyncLocal<bool?> StateOf<TFilter>() => States.GetOrAdd(typeof(TFilter), _ => new AsyncLocal<bool?>());
}
