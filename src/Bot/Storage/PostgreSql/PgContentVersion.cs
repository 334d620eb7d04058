namespace Bot.Storage.PostgreSql;

/// <summary>
/// The content version shared by the instances (one row): raised when an instance reloaded its content, read by the
/// others to follow. It carries no content: each instance reads, validates and keeps its own dialogs/.
/// </summary>
public sealed class PgContentVersion(PgDatabase db, TimeProvider time)
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    public Task<long> ReadAsync() => db.CountAsync("SELECT version FROM content_version WHERE id = 1");

    /// <summary>Raises the version by one and returns the new one.</summary>
    public Task<long> RaiseAsync() => db.CountAsync(
        "UPDATE content_version SET version = version + 1, changed_at = $1, changed_by = $2 WHERE id = 1 RETURNING version",
        time.GetUtcNow(), _instance);
}
