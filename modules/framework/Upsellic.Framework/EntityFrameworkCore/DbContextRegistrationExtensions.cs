using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Upsellic.Framework.EntityFrameworkCore;

public static class DbContextRegistrationExtensions
{
    public const string ConnectionStringName = "Default";

    /// <summary>
    /// Registers a module DbContext on the one platform database, with its migrations history in its own schema and
    /// the framework's interceptors (tenant stamping, local events after commit).
    /// </summary>
    public static IServiceCollection AddUpsellicDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        services.AddDbContext<TContext>((serviceProvider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema))
            // Rows that point to a filtered parent (e.g. a user's roles) are only ever read through that parent.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning))
            .AddInterceptors(
                serviceProvider.GetRequiredService<MultiTenantSaveChangesInterceptor>(),
                serviceProvider.GetRequiredService<LocalEventsInterceptor>()));
        return services;
    }
}
