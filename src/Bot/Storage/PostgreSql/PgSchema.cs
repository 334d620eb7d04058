using Npgsql;

namespace Bot.Storage.PostgreSql;

/// <summary>Migrates the schema once per process, before the first store is used; an unreachable server is one sentence.</summary>
public sealed class PgSchema(IServiceProvider services, IOptions<StorageOptions> options)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (_done || !options.Value.IsPostgreSql) return;
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done) return;
            // Resolved here, not injected: under LiteDB nothing PostgreSQL is ever built.
            await services.GetRequiredService<PgMigrations>().ApplyAsync(cancellationToken);
            _done = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // Named by host and database only: the connection string holds the password.
            var parsed = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
            throw new InvalidOperationException($"PostgreSQL at {parsed.Host}:{parsed.Port}, database {parsed.Database}, cannot be used: {ex.Message}") { Source = "Bot" };
        }
        finally
        {
            _once.Release();
        }
    }
}

/// <summary>Runs the migrations when the host starts (tests and the web host start the host without BotHost.RunAsync).</summary>
internal sealed class PgSchemaStarter(PgSchema schema) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schema.EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
