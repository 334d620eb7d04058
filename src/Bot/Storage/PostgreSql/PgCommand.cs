using Npgsql;
using NpgsqlTypes;

namespace Bot.Storage.PostgreSql;

/// <summary>A jsonb parameter (a plain string would be sent as text, which PostgreSQL does not cast to jsonb).</summary>
public readonly record struct PgJson(string Text);

/// <summary>Commands with positional parameters ($1, $2, …): SQL text stays constant, so Npgsql prepares it once per connection.</summary>
public static class PgCommand
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args) command.Parameters.Add(Parameter(arg));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        PgJson json => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json.Text },
        // timestamptz takes UTC only; the offset a feature used is kept inside its jsonb document.
        DateTimeOffset at => new NpgsqlParameter { Value = at.ToUniversalTime() },
        DateTime { Kind: not DateTimeKind.Utc } at => new NpgsqlParameter { Value = DateTime.SpecifyKind(at, DateTimeKind.Utc) },
        Enum e => new NpgsqlParameter { Value = e.ToString() },
        _ => new NpgsqlParameter { Value = value },
    };
}
