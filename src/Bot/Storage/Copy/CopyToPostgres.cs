using Bot.Hosting;
using Bot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Storage.Copy;

/// <summary>
/// `--copy-to-postgres`: copies the LiteDB file (Storage:Path, bot stopped) into the PostgreSQL database
/// (Storage:ConnectionString), table by table, each in one transaction; then counts, per table, how many of the file's
/// records PostgreSQL holds. Run again, it adds only what is missing and never overwrites a row PostgreSQL already has.
/// </summary>
internal static class CopyToPostgres
{
    public const string Switch = "--copy-to-postgres";

    /// <summary>0 when every record of the file is in PostgreSQL, 1 when a count does not match.</summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter output)
    {
        app.CheckSettings(probePorts: false);
        var options = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new SettingException($"{Switch} needs Storage:ConnectionString (the PostgreSQL database to copy into; environment variable Storage__ConnectionString).");
        if (options.Path == ":memory:" || !File.Exists(options.ResolvedPath))
            throw new SettingException($"{Switch} copies the LiteDB file of Storage:Path, and there is none at {options.ResolvedPath}.");
        BotDatabase lite;
        try
        {
            lite = app.Services.GetRequiredService<BotDatabase>();
        }
        catch (DatabaseInUseException ex)
        {
            throw new SettingException(ex.Message);
        }
        await using var target = Open(options.ConnectionString);
        await new PgMigrations(target, NullLogger<PgMigrations>.Instance).ApplyAsync();
        var complete = true;
        foreach (var table in CopiedTables.All())
        {
            var rows = table.Rows(lite.Database).ToList();
            var copied = await CopyAsync(target, table, rows);
            var found = await FoundAsync(target, table, rows);
            complete &= found == rows.Count;
            await output.WriteLineAsync($"{table.Table}: {rows.Count} in the file, {copied} copied now, {found} of them in PostgreSQL{(found == rows.Count ? "" : $" — {rows.Count - found} MISSING")}");
        }
        await output.WriteLineAsync(complete ? "Every record of the file is in PostgreSQL." : "Some records are missing in PostgreSQL: see the lines above.");
        return complete ? 0 : 1;
    }

    private static NpgsqlDataSource Open(string connectionString)
    {
        try
        {
            return NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException)
        {
            // Never quoted: it holds the password.
            throw new SettingException("Storage:ConnectionString is not a valid PostgreSQL connection string.");
        }
    }

    private static async Task<int> CopyAsync(NpgsqlDataSource target, CopiedTable table, List<object?[]> rows)
    {
        await using var connection = await target.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var tx = new PgTransaction(connection, transaction);
        var copied = 0;
        foreach (var row in rows) copied += await tx.ExecuteAsync(table.Insert, row);
        // Ids were given by LiteDB: the identity continues after the highest, so new records do not collide.
        if (table.IdentityKey)
            await tx.ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{table.Table}', '{table.KeyColumn}'), coalesce(max({table.KeyColumn}), 1), max({table.KeyColumn}) IS NOT NULL) FROM {table.Table}");
        await transaction.CommitAsync();
        return copied;
    }

    private static async Task<long> FoundAsync(NpgsqlDataSource target, CopiedTable table, List<object?[]> rows)
    {
        if (rows.Count == 0) return 0;
        Array keys = rows[0][0] switch
        {
            int => rows.Select(r => (int)r[0]!).ToArray(),
            long => rows.Select(r => (long)r[0]!).ToArray(),
            _ => rows.Select(r => (string)r[0]!).ToArray(),
        };
        return await new PgDatabase(target).CountAsync($"SELECT count(*) FROM {table.Table} WHERE {table.KeyColumn} = ANY($1)", keys);
    }
}
