using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Respawn;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.Data;
using Upsellic.Framework.EventBus;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// One host per test run against one migrated PostgreSQL database (and Hangfire on it). Each test starts from a clean
/// database: Respawn empties the module schemas and the seeders put back roles and the platform admin.
/// </summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@platform.test";
    public const string AdminPassword = "Admin-pass-2026";

    private string _connectionString = string.Empty;
    private Respawner? _respawner;
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    public RecordedEvents Events { get; } = new();

    public TestClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("upsellic_integration");
        _ = Services; // starts the host: migrations and seeding run before the first test
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            // Hangfire's own tables hold the running server's state; emptying them under it would break it.
            SchemasToExclude = ["hangfire"],
            // The key ring that signs sessions is the running host's state too: emptying it would strand its sessions.
            TablesToIgnore = ["__EFMigrationsHistory", new Respawn.Graph.Table("saas", "DataProtectionKeys")],
        });
    }

    /// <summary>
    /// A second host on a database that already exists, as after a restart: it migrates nothing new and runs the jobs
    /// that the earlier host left in Hangfire's tables.
    /// </summary>
    public static PlatformFactory StartOn(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new PlatformFactory { _connectionString = connectionString, _settings = settings ?? new Dictionary<string, string>() };
        _ = factory.Services;
        return factory;
    }

    /// <summary>
    /// Hangfire keeps its log provider and default storage in statics, which the last host started takes over. One
    /// host per process is the product's case; tests that start hosts of their own give them back to this one after.
    /// </summary>
    public void ReclaimHangfireStatics()
    {
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(Services.GetRequiredService<ILoggerFactory>()));
        JobStorage.Current = Services.GetRequiredService<JobStorage>();
    }

    public async Task ResetAsync()
    {
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _respawner!.ResetAsync(connection);
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
                {
                    // The host keeps working between tests (the absence watcher, a previous test's late AI turn or
                    // job): its row locks can cross Respawn's table locks. PostgreSQL picks a victim; try again.
                    await Task.Delay(100 * attempt);
                }
            }
        }

        await Services.MigrateAndSeedAsync();
        Events.Clear();
        Clock.Reset();
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
        // Short enough that the pickup-timeout test waits seconds, long enough that an agent test answers in time.
        builder.UseSetting("LiveChat:PickupTimeout", "00:00:04");
        // Agents in the tests heartbeat every second; a silent one drops out after three.
        builder.UseSetting("LiveChat:PresenceTimeout", "00:00:03");
        // Well inside the pickup timeout, so a test can tell "the agent left" from "nobody answered in time".
        builder.UseSetting("LiveChat:AbsenceCheckInterval", "00:00:00.500");
        builder.UseSetting("LiveChat:AbsenceGrace", "00:00:01");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Events);
            services.AddScoped<ILocalEventHandler<TenantStatusChangedEto>, RecordingHandler>();
            services.AddScoped<ILocalEventHandler<TeamMemberRemovedEto>, MemberRemovedRecorder>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<TenantProbe>();
            services.AddSingleton<IBackgroundJob<TenantProbeArgs>>(sp => sp.GetRequiredService<TenantProbe>());
        });
    }

    private sealed class RecordingHandler(RecordedEvents events) : ILocalEventHandler<TenantStatusChangedEto>
    {
        public Task HandleEventAsync(TenantStatusChangedEto eventData, CancellationToken cancellationToken)
        {
            events.Add(eventData);
            return Task.CompletedTask;
        }
    }

    private sealed class MemberRemovedRecorder(RecordedEvents events) : ILocalEventHandler<TeamMemberRemovedEto>
    {
        public Task HandleEventAsync(TeamMemberRemovedEto eventData, CancellationToken cancellationToken)
        {
            events.Add(eventData);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Local events the host published during a test, to check that they come after the commit.</summary>
public sealed class RecordedEvents
{
    private readonly List<object> _events = [];

    public IReadOnlyList<object> All
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Add(object eventData)
    {
        lock (_events)
        {
            _events.Add(eventData);
        }
    }

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFactory>
{
    public const string Name = "Platform";
}

/// <summary>Base of the integration tests: a clean database before each test, and helpers to call the API.</summary>
[Collection(PlatformCollection.Name)]
public abstract class PlatformTestBase(PlatformFactory factory) : IAsyncLifetime
{
    protected PlatformFactory Factory { get; } = factory;

    public Task InitializeAsync() => Factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient CreateClient() => NewClient();

    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
