namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// For effects that land asynchronously (a hub's disconnect handler, a background sweep): polls until the condition
/// holds and fails with <paramref name="what"/> when it never does.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected within {(timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds:0} s: {what}");
            }

            await Task.Delay(50);
        }
    }
}
