namespace Bot.Backups;

/// <summary>
/// Takes a backup every Backups:Interval, counted from the newest copy in the folder, so a restart neither skips nor
/// repeats one. With no copy yet the first comes a few minutes after the start (not during it).
/// </summary>
public sealed class BackupScheduler(DatabaseBackup backup, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !backup.Possible) return;
        var interval = options.Value.Interval;
        var firstDue = time.GetUtcNow() + (FirstDelay < interval ? FirstDelay : interval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var due = backup.Latest() is { } latest ? latest.TakenAt + interval : firstDue;
                var wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
                try
                {
                    await backup.TakeAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Already logged as an error; the health check shows it until a later copy succeeds.
                    logger.LogDebug(ex, "Next backup try in {Delay}", RetryDelay);
                    await Task.Delay(RetryDelay < interval ? RetryDelay : interval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
