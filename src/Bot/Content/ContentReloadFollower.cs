using Bot.Faq;
using Bot.Storage;
using Bot.Storage.PostgreSql;

namespace Bot.Content;

/// <summary>
/// Several instances on PostgreSQL: a content reload on one (/tailai, a plan published on the dashboard) reaches every
/// instance. Every <see cref="Every"/> this instance checks two things: whether its own FAQ engine was replaced since the
/// last check (a reload here, which raises the shared version), and whether the shared version is higher than the
/// one it follows (a reload elsewhere, which it repeats here from its own dialogs/). A broken file on this instance
/// is logged and its current content stays, as with /tailai; it follows again at the next version.
/// </summary>
/// <remarks>
/// A polled version row rather than LISTEN/NOTIFY: a notification sent while an instance's listening connection is
/// down (a restart of the server, a network blip) is lost for good, and a listener needs a connection held open
/// outside the pool and its own reconnect logic; a row is simply read at the next check, and the check runs on
/// <see cref="TimeProvider"/> so tests drive it. Cost: one single-row read every few seconds, and up to two
/// intervals before every instance answers from the new content. Under LiteDB (one process) it does nothing.
/// </remarks>
public sealed class ContentReloadFollower(
    IServiceProvider services, FaqLibrary library, TimeProvider time, ILogger<ContentReloadFollower> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!StorageExtensions.IsPostgreSql(services)) return;
        var version = services.GetRequiredService<PgContentVersion>();
        try
        {
            // A failed first build stops the host (FaqStartup); there is nothing to follow then.
            await library.Ready.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).WaitAsync(stoppingToken);
            if (!library.Ready.IsCompletedSuccessfully) return;
            // The content loaded at start is the newest there is: the version now is the one this instance follows.
            var followed = await ReadAsync(version, -1);
            var engine = library.Engine;
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Every, time, stoppingToken);
                try
                {
                    if (!ReferenceEquals(engine, library.Engine))
                    {
                        engine = library.Engine;
                        var raised = await version.RaiseAsync();
                        // Another instance's reload since the last check is covered by this one (same folder, read later).
                        followed = raised;
                        logger.LogInformation("Content reloaded here: the other instances follow (content version {Version})", raised);
                        continue;
                    }
                    var current = await version.ReadAsync();
                    if (current <= followed) continue;
                    followed = current;
                    Follow(current);
                    engine = library.Engine;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not check the shared content version; trying again in {Seconds} s", Every.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task<long> ReadAsync(PgContentVersion version, long fallback)
    {
        try
        {
            return await version.ReadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the shared content version; following from the next one read");
            return fallback;
        }
    }

    private void Follow(long current)
    {
        try
        {
            var catalog = library.Rebuild();
            logger.LogInformation("Content reloaded after a reload on another instance (content version {Version}): {Entries} entries, {Passages} passages",
                current, catalog.EntryCount, catalog.PassageCount);
        }
        catch (ContentException ex)
        {
            // As /tailai here would: the broken file is named and the content that runs stays.
            logger.LogWarning("Content reload on another instance not followed here, the current content stays: {Problems}", string.Join("; ", ex.Problems));
        }
    }
}
