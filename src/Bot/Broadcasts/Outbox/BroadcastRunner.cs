using System.Collections.Concurrent;

namespace Bot.Broadcasts.Outbox;

/// <summary>
/// Sends the pending rows of a broadcast in order, marks each row right after the platform confirmed it, and keeps
/// the officer informed. A 429 never fails a row (everyone pauses and the same message is retried); a member who
/// blocked the bot is recorded as unreachable; a stop from the officer cancels what is still pending.
/// </summary>
public sealed class BroadcastRunner(
    IBroadcastStore store, Delivery delivery, ISendPacer pacer, TurnPipeline pipeline, ProgressReporter reporter,
    IOptions<BroadcastOptions> options, TimeProvider time, ILogger<BroadcastRunner> logger, Operations.BotMetrics metrics)
{
    private const int BatchSize = 200;
    private const int TransientAttempts = 3;
    private readonly ConcurrentDictionary<int, Run> _runs = new();

    public IReadOnlyCollection<int> Running => [.. _runs.Keys.Order()];

    /// <summary>Starts sending in the background unless this broadcast is already running here.</summary>
    public bool TryStart(int broadcastId, bool resumed, CancellationToken stopping)
    {
        var run = new Run(CancellationTokenSource.CreateLinkedTokenSource(stopping), stopping);
        if (!_runs.TryAdd(broadcastId, run)) return false;
        run.Task = Task.Run(() => RunAsync(broadcastId, run, resumed));
        return true;
    }

    /// <summary>Stops a broadcast for good: pending rows become cancelled. False when it had already finished.</summary>
    public async Task<bool> CancelAsync(int broadcastId, string by, CancellationToken ct = default)
    {
        if (_runs.TryGetValue(broadcastId, out var run))
        {
            run.CancelledBy = by;
            run.Cts.Cancel();
            return true;
        }
        if (!await store.FinishAsync(broadcastId, BroadcastState.Cancelled, by, ct)) return false;
        await store.CancelPendingAsync(broadcastId, ct);
        return true;
    }

    /// <summary>This process lost the sender lease: every run stops between messages; its pending rows stay for the new holder.</summary>
    public void InterruptAll()
    {
        foreach (var run in _runs.Values) run.Cts.Cancel();
    }

    /// <summary>Waits for every run to wind down (the host is stopping; pending rows stay pending for the next start).</summary>
    public Task StoppedAsync() => Task.WhenAll(_runs.Values.Select(r => r.Task));

    private async Task RunAsync(int id, Run run, bool resumed)
    {
        var ct = run.Cts.Token;
        try
        {
            if (await store.FindAsync(id, ct) is not { State: BroadcastState.Sending } broadcast) return;
            var progress = new BroadcastProgress(broadcast.Total, await store.CountsAsync(id, ct), time.GetUtcNow());
            using var outbox = metrics.TrackOutbox(() => progress.Remaining);
            var session = reporter.Open(broadcast, progress);
            await session.BeginAsync(resumed, ct);
            var ticker = TickAsync(session, ct);
            var stoppedByOfficer = false;
            try
            {
                await SendAllAsync(broadcast, progress, ct);
            }
            catch (OperationCanceledException) when (run.CancelledBy is not null)
            {
                stoppedByOfficer = true;
            }
            finally
            {
                run.Cts.Cancel();
                await ticker;
            }

            if (stoppedByOfficer)
            {
                // Rows first: whoever sees the broadcast finished sees no row still pending. Neither write may be
                // skipped by a shutdown, as sending has stopped for good.
                progress.CountCancelled(await store.CancelPendingAsync(id, CancellationToken.None));
                await store.FinishAsync(id, BroadcastState.Cancelled, run.CancelledBy, CancellationToken.None);
                broadcast.State = BroadcastState.Cancelled;
                broadcast.CancelledBy = run.CancelledBy;
            }
            else
            {
                await store.FinishAsync(id, BroadcastState.Completed, cancellationToken: CancellationToken.None);
                broadcast.State = BroadcastState.Completed;
            }
            logger.LogInformation("Broadcast {Id} {State}: {Sent} sent, {Failed} failed, {Unreachable} unreachable, {Cancelled} cancelled of {Total}",
                id, broadcast.State, progress.Sent, progress.Failed, progress.Unreachable, progress.Cancelled, progress.Total);
            await session.FinishAsync(await store.RowsOfAsync(id, run.Stopping), run.Stopping);
        }
        catch (OperationCanceledException) when (run.CancelledBy is not null)
        {
            // Stopped by an officer before sending began (e.g. while the progress message waited for its turn).
            await store.CancelPendingAsync(id, CancellationToken.None);
            await store.FinishAsync(id, BroadcastState.Cancelled, run.CancelledBy, CancellationToken.None);
            logger.LogInformation("Broadcast {Id} stopped by an officer before it started sending", id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogInformation("Broadcast {Id} interrupted by shutdown; anything pending resumes at the next start", id);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Broadcast {Id} stopped unexpectedly; it resumes at the next start", id);
        }
        finally
        {
            _runs.TryRemove(id, out _);
            run.Cts.Dispose();
        }
    }

    private async Task SendAllAsync(BroadcastRecord broadcast, BroadcastProgress progress, CancellationToken ct)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxInFlight, CancellationToken = ct };
        string? after = null;
        while (await store.PendingAsync(broadcast.Id, after, BatchSize, ct) is { Count: > 0 } batch)
        {
            if (parallel.MaxDegreeOfParallelism == 1)
                foreach (var row in batch) await SendRowAsync(broadcast, row, progress, ct);
            else
                await Parallel.ForEachAsync(batch, parallel, (row, c) => new ValueTask(SendRowAsync(broadcast, row, progress, c)));
            after = batch[^1].Id;
        }
    }

    private async Task SendRowAsync(BroadcastRecord broadcast, OutboxRow row, BroadcastProgress progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (pipeline.Connector(row.Channel) is not { } connector)
        {
            await FinishAsync(row, progress, RecipientState.Failed, $"The channel '{row.Channel}' is not running.");
            return;
        }
        var reply = broadcast.VariantFor(row.Channel, row.Language).ToReply();
        for (var transient = 1; ; transient++)
        {
            row.Attempts++;
            try
            {
                row.MessageId = await delivery.SendAsync(connector, row.Address, reply, SendPriority.Broadcast, ct);
                await FinishAsync(row, progress, RecipientState.Sent, null);
                return;
            }
            catch (ChannelSendException ex) when (ex.Failure == SendFailure.RateLimited)
            {
                // Delivery already paused and retried; the row is never given up for a 429, it waits its turn again.
                progress.CountRateLimited();
                pacer.Pause(row.Channel, ex.RetryAfter);
                transient--;
            }
            catch (ChannelSendException ex) when (ex.Failure == SendFailure.Unreachable)
            {
                await FinishAsync(row, progress, RecipientState.Unreachable, ex.Message);
                return;
            }
            catch (ChannelSendException ex) when (ex.Failure == SendFailure.Transient && transient < TransientAttempts)
            {
                logger.LogWarning(ex, "Broadcast {Id}: transient failure for {Channel}:{ChatId}, retrying", broadcast.Id, row.Channel, row.ChatId);
                await Task.Delay(TimeSpan.FromSeconds(5 * transient), time, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Broadcast {Id}: could not send to {Channel}:{ChatId}", broadcast.Id, row.Channel, row.ChatId);
                await FinishAsync(row, progress, RecipientState.Failed, ex.Message);
                return;
            }
        }
    }

    private async Task FinishAsync(OutboxRow row, BroadcastProgress progress, RecipientState state, string? reason)
    {
        row.State = state;
        row.Reason = reason;
        // Not cancellable: the platform has answered, and what it said must be on disk before anything else is sent.
        await store.SaveAsync(row, CancellationToken.None);
        progress.Count(state);
    }

    private async Task TickAsync(ProgressReporter.ProgressSession session, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await session.UpdateAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // the broadcast ended or was stopped
        }
    }

    private sealed class Run(CancellationTokenSource cts, CancellationToken stopping)
    {
        public CancellationTokenSource Cts { get; } = cts;

        /// <summary>The host is stopping (the officer's stop only cancels <see cref="Cts"/>): the report still goes out after a stop.</summary>
        public CancellationToken Stopping { get; } = stopping;
        public Task Task { get; set; } = Task.CompletedTask;
        public volatile string? CancelledBy;
    }
}
