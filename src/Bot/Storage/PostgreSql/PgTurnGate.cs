using Bot.Builder.Pipeline;
using Npgsql;

namespace Bot.Storage.PostgreSql;

/// <summary>
/// One conversation's and one member's turns in order across instances: session advisory locks on a connection held
/// for the turn, the conversation's first, then the member's (the order the pipeline's own queues take them in, so no
/// cycle can form; the two-key form keeps conversation and member keys apart). A dead instance's locks go with its
/// connection. Chosen over optimistic versions with a retry: a retried turn would run the bot twice and could send twice.
/// The locks have a pool of their own: a turn holding its lock connection must never wait for a pool that lock
/// connections have exhausted.
/// </summary>
public sealed class PgTurnGate(IOptions<StorageOptions> options) : ITurnGate, IDisposable
{
    private const int Conversations = 1;
    private const int Members = 2;
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(options.Value.ConnectionString!);

    public void Dispose() => _source.Dispose();

    public async Task<IAsyncDisposable> EnterAsync(string conversationKey, string memberKey, CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = PgCommand.Create(connection, null,
                "SELECT pg_advisory_lock($1, hashtext($2)), pg_advisory_lock($3, hashtext($4))", [Conversations, conversationKey, Members, memberKey]);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Entered(connection);
        }
        catch
        {
            // Closing the connection gives back whatever it had locked.
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Entered(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = connection.CreateCommand();
                unlock.CommandText = "SELECT pg_advisory_unlock_all()";
                await unlock.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
