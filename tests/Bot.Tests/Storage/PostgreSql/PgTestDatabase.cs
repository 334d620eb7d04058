using Bot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>
/// An empty, migrated database for one test: a schema of its own on the run's server (cheaper than a database per
/// test, and it runs the real migrations every time), dropped at the end. With BOT_TEST_POSTGRES=off there is none (see <see cref="Pick"/>).
/// </summary>
public sealed class PgTestDatabase : IAsyncDisposable
{
    private static readonly Lazy<Task<NpgsqlDataSource?>> Admin = new(async () =>
        await PgTestServer.ConnectionStringAsync() is { } cs ? NpgsqlDataSource.Create(cs) : null);

    private readonly string _schema = $"t_{Guid.NewGuid():N}";

    public NpgsqlDataSource Source { get; private set; } = null!;
    public PgDatabase Database { get; private set; } = null!;
    public PgCommitter Committer { get; private set; } = null!;

    /// <summary>The connection string of this test's schema (for a host started on it).</summary>
    public string ConnectionString { get; private set; } = "";

    public string Schema => _schema;

    public bool Off { get; private set; }

    /// <summary>With BOT_TEST_POSTGRES=off: the LiteDB store runs the contract instead, so the suite still passes honestly.</summary>
    private TestDatabase? _fallback;

    /// <summary>The PostgreSQL store, or with the opt-out the LiteDB one (on an in-memory database).</summary>
    public T Pick<T>(Func<PgTestDatabase, T> postgreSql, Func<TestDatabase, T> liteDb) =>
        Off ? liteDb(_fallback ??= new TestDatabase()) : postgreSql(this);

    public static async Task<PgTestDatabase> CreateAsync(bool migrate = true)
    {
        var db = new PgTestDatabase();
        await db.InitializeAsync(migrate);
        return db;
    }

    public async Task InitializeAsync(bool migrate = true)
    {
        if (await Admin.Value is not { } admin)
        {
            Off = true;
            return;
        }
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {_schema}")) await create.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { SearchPath = _schema }.ConnectionString;
        Source = NpgsqlDataSource.Create(ConnectionString);
        Database = new PgDatabase(Source);
        Committer = new PgCommitter(Source, NullLogger<PgCommitter>.Instance);
        if (migrate) await new PgMigrations(Source, NullLogger<PgMigrations>.Instance).ApplyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _fallback?.Dispose();
        if (Off || await Admin.Value is not { } admin) return;
        await Source.DisposeAsync();
        await using var drop = admin.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        await drop.ExecuteNonQueryAsync();
    }
}
