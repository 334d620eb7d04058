using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Bot.Storage.PostgreSql;

/// <summary>
/// The schema, as versioned SQL scripts embedded in the assembly (Migrations/NNNN_name.sql). At start every script not
/// yet in <c>schema_migrations</c> runs, in order, in one transaction under an advisory lock: two instances starting at
/// once wait for each other instead of both creating the tables, and a failed script leaves the schema as it was.
/// </summary>
public sealed partial class PgMigrations(NpgsqlDataSource source, ILogger<PgMigrations> logger)
{
    /// <summary>The advisory lock's key (any constant the bot alone uses).</summary>
    public const long LockKey = 0x0B07_5C4E_3A00;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = Load();

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tx = new PgTransaction(connection, transaction);
        await tx.ExecuteAsync("SELECT pg_advisory_xact_lock($1)", LockKey);
        await tx.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        var done = (await tx.QueryAsync("SELECT version FROM schema_migrations", r => r.GetInt32(0))).ToHashSet();
        var applied = new List<int>();
        foreach (var (version, name, sql) in Scripts.Where(s => !done.Contains(s.Version)))
        {
            await tx.ExecuteAsync(sql);
            await tx.ExecuteAsync("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", version, name);
            applied.Add(version);
        }
        await transaction.CommitAsync(cancellationToken);
        if (applied.Count > 0) logger.LogInformation("PostgreSQL schema migrated: {Versions}", string.Join(", ", applied));
        return applied;
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PgMigrations).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (ScriptName().Match(resource) is not { Success: true } m) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, reader.ReadToEnd()));
        }
        return [.. scripts.OrderBy(s => s.Item1)];
    }

    [GeneratedRegex(@"\.Migrations\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
