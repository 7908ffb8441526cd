using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.E2ETests.Infrastructure;

/// <summary>The real host on a real Kestrel port (a browser cannot reach the in-memory test server), one per test run.</summary>
public sealed class BrowserPlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@platform.test";
    public const string AdminPassword = "Admin-pass-2026";

    private string _connectionString = string.Empty;

    public BrowserPlatformFactory() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("upsellic_browser");
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Platform:AdminEmail", AdminEmail);
        builder.UseSetting("Platform:AdminPassword", AdminPassword);
        builder.UseSetting("Demo:Enabled", "false");
        // Every test calls from the same address; per-address limits are tested on their own, per visitor.
        builder.UseSetting("Saas:RateLimits:AccountRequestsPerMinute", "100000");
        builder.UseSetting("Conversations:RateLimits:StartsPerMinute", "100000");
        // Journey 4 waits for the pickup timeout in a real browser: seconds instead of the product's two minutes.
        builder.UseSetting("LiveChat:PickupTimeout", "00:00:10");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPlatformFactory>
{
    public const string Name = "Browser";
}
