using Npgsql;

namespace Bot.Storage.PostgreSql;

/// <summary>The open transaction a <see cref="PgWrite"/> runs in (one per unit of work).</summary>
public sealed class PgTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public NpgsqlConnection Connection => connection;

    public async Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        await using var command = PgCommand.Create(connection, transaction, sql, args);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] args)
    {
        await using var command = PgCommand.Create(connection, transaction, sql, args);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args)
    {
        await using var command = PgCommand.Create(connection, transaction, sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Stops the unit: everything is rolled back and the caller gets <paramref name="reason"/> (a version moved on, a row is gone).</summary>
    public static Exception Refuse(Exception reason) => new PgRefusal(reason);
}

/// <summary>Thrown inside a write to refuse the unit; the committer turns it into a <see cref="Builder.State.WriteRejectedException"/>.</summary>
public sealed class PgRefusal(Exception reason) : Exception(reason.Message, reason)
{
    public Exception Reason { get; } = reason;
}
