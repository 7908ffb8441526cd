using Npgsql;

namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL database of one test project, derived from UPSELLIC_TEST_CONNECTION (set by etc/scripts/test.sh):
/// same server and credentials, a database of its own so test projects can run side by side.
/// </summary>
public static class TestDatabase
{
    public const string ConnectionVariable = "UPSELLIC_TEST_CONNECTION";

    public static async Task<string> CreateAsync(string databaseName)
    {
        var baseConnection = Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? throw new InvalidOperationException($"{ConnectionVariable} is not set: run the tests with etc/scripts/test.sh, which starts a throwaway PostgreSQL.");
        var builder = new NpgsqlConnectionStringBuilder(baseConnection);
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = databaseName;
        return builder.ConnectionString;
    }
}
