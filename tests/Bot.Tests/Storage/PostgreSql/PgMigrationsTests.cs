using Bot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>The schema scripts: applied once, in order, recorded; instances starting together wait for each other.</summary>
public sealed class PgMigrationsTests : IAsyncLifetime
{
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void TheScriptsAreEmbeddedAndNumberedFromOne()
    {
        Assert.NotEmpty(PgMigrations.Scripts);
        Assert.Equal(Enumerable.Range(1, PgMigrations.Scripts.Count), PgMigrations.Scripts.Select(s => s.Version));
        Assert.Equal("initial", PgMigrations.Scripts[0].Name);
    }

    [Fact]
    public async Task AnEmptyDatabaseGetsEveryScriptOnceAndASecondStartAppliesNothing()
    {
        if (_db.Off) return;
        var migrations = new PgMigrations(_db.Source, NullLogger<PgMigrations>.Instance);

        Assert.Equal(PgMigrations.Scripts.Select(s => s.Version), await migrations.ApplyAsync());
        Assert.Empty(await migrations.ApplyAsync());

        Assert.Equal(PgMigrations.Scripts.Count, await _db.Database.CountAsync("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(0, await _db.Database.CountAsync("SELECT count(*) FROM pledges"));
    }

    [Fact]
    public async Task InstancesStartingAtOnceApplyTheSchemaOnceBetweenThem()
    {
        if (_db.Off) return;
        // Separate data sources, as separate processes would have: without the advisory lock the second CREATE TABLE fails.
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(_db.ConnectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(sources.Select(s => Task.Run(() => new PgMigrations(s, NullLogger<PgMigrations>.Instance).ApplyAsync())));

            Assert.Single(applied, a => a.Count > 0);
            Assert.Equal(PgMigrations.Scripts.Count, await _db.Database.CountAsync("SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var s in sources) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFailedScriptLeavesTheDatabaseAsItWas()
    {
        if (_db.Off) return;
        // A table the first script creates already exists: its CREATE fails, and nothing of the script may stay.
        await using (var clash = _db.Source.CreateCommand("CREATE TABLE pledges (id integer)")) await clash.ExecuteNonQueryAsync();

        await Assert.ThrowsAsync<PostgresException>(() => new PgMigrations(_db.Source, NullLogger<PgMigrations>.Instance).ApplyAsync());

        Assert.Equal(0, await _db.Database.CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('state', 'schema_migrations')", _db.Schema));
    }
}
