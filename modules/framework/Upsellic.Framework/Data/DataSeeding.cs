using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upsellic.Framework.Data;

/// <summary>Puts the data a module needs at start into the database (the first platform admin, a demo store...). Must be idempotent.</summary>
public interface IDataSeedContributor
{
    /// <summary>Lower runs first: a contributor that needs the demo tenant runs after the one that creates it.</summary>
    int Order => 0;

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Marks a module DbContext whose migrations are applied at start.</summary>
public sealed record MigratedDbContext(Type ContextType);

public static class DatabaseInitialization
{
    public static IServiceCollection AddMigrationsAtStart<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddSingleton(new MigratedDbContext(typeof(TContext)));

    /// <summary>Applies every module's migrations, then runs the seed contributors in order.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialization));
        foreach (var migrated in scope.ServiceProvider.GetServices<MigratedDbContext>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(migrated.ContextType);
            await context.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Migrated {DbContext}", migrated.ContextType.Name);
        }

        foreach (var contributor in scope.ServiceProvider.GetServices<IDataSeedContributor>().OrderBy(c => c.Order))
        {
            await contributor.SeedAsync(cancellationToken);
        }
    }
}
