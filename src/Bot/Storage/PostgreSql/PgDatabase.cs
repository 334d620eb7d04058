using System.Text.Json;
using Npgsql;

namespace Bot.Storage.PostgreSql;

/// <summary>
/// Reads outside a unit of work, each on a pooled connection of the one <see cref="NpgsqlDataSource"/>. Like LiteDB's
/// reads they see what is committed, not the pending writes of the caller's own unit.
/// </summary>
public sealed class PgDatabase(NpgsqlDataSource source)
{
    /// <summary>How documents are kept in jsonb columns: property names as in C#, so a row reads like the LiteDB document.</summary>
    public static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public NpgsqlDataSource Source => source;

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var command = PgCommand.Create(connection, null, sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    public async Task<T?> FirstAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args) where T : class =>
        (await QueryAsync(sql, map, args)).FirstOrDefault();

    /// <summary>Documents stored in the first column as jsonb.</summary>
    public Task<List<T>> DocumentsAsync<T>(string sql, params object?[] args) => QueryAsync(sql, r => Read<T>(r), args);

    public async Task<T?> DocumentAsync<T>(string sql, params object?[] args) where T : class =>
        (await DocumentsAsync<T>(sql, args)).FirstOrDefault();

    public async Task<long> CountAsync(string sql, params object?[] args)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var command = PgCommand.Create(connection, null, sql, args);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static T Read<T>(NpgsqlDataReader reader, int column = 0) => JsonSerializer.Deserialize<T>(reader.GetString(column), Json)!;

    public static PgJson Doc<T>(T value) => new(JsonSerializer.Serialize(value, Json));
}
