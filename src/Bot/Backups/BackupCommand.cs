using Bot.Conversations;

namespace Bot.Backups;

/// <summary>/saoluu (/backup), officers only: a backup now, e.g. before publishing a new plan.</summary>
public sealed class BackupCommand(DatabaseBackup backup, Say say, ILogger<BackupCommand> logger) : ICommand
{
    public IReadOnlyList<string> Names => ["saoluu", "backup"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        if (backup.IsPostgreSql)
        {
            await say.SendAsync(turn, "ops.backup-postgresql");
            return;
        }
        if (!backup.Possible)
        {
            await say.SendAsync(turn, "ops.backup-in-memory");
            return;
        }
        try
        {
            var file = await backup.TakeAsync(cancellationToken);
            await say.SendAsync(turn, "ops.backup-done", ("file", file.Name), ("folder", backup.Folder));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Backup asked by an officer failed");
            await say.SendAsync(turn, "ops.backup-failed", ("problem", ex.Message));
        }
    }
}
