namespace Bot.Storage.PostgreSql;

/// <summary>
/// Keeps this instance's heartbeat fresh every <see cref="PgInstance.BeatEvery"/>, so the others leave its stored updates
/// to it; a clean stop removes the row, so what is left unhandled is claimed at once. Under LiteDB it does nothing.
/// </summary>
public sealed class PgInstanceHeartbeat(IServiceProvider services, TimeProvider time, ILogger<PgInstanceHeartbeat> logger) : BackgroundService
{
    private PgInstance? _instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!StorageExtensions.IsPostgreSql(services)) return;
        _instance = services.GetRequiredService<PgInstance>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await _instance.BeatAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Missed beats past PgInstance.DeadAfter let another instance claim this one's updates too: the
                    // de-duplication mark and the turn gate still keep a member from being answered twice.
                    logger.LogWarning(ex, "Could not write this instance's heartbeat; trying again in {Seconds} s", PgInstance.BeatEvery.TotalSeconds);
                }
                await Task.Delay(PgInstance.BeatEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync removes the row
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_instance is null) return;
        try
        {
            await _instance.LeaveAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not remove this instance's heartbeat; its updates are claimed by another in {Seconds} s", PgInstance.DeadAfter.TotalSeconds);
        }
    }
}
