using Bot.Builder.Pipeline;

namespace Bot.Channels.Local;

/// <summary>
/// Reads lines from the terminal (or a pipe) as one member's messages and hands them to the shared inbox. Piped
/// input is answered line by line, in order (one conversation is FIFO), and the service stops the host after the
/// last answer, so a conversation can be scripted.
/// </summary>
public sealed class LocalChatService(
    Inbox inbox,
    IOptions<LocalChatOptions> options,
    IHostApplicationLifetime lifetime,
    LocalConsole console,
    TimeProvider time,
    ILogger<LocalChatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var o = options.Value;
        var interactive = !Console.IsInputRedirected;
        var n = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (interactive)
            {
                // The prompt comes after the previous answer, not in the middle of it.
                await inbox.WhenIdleAsync().WaitAsync(stoppingToken);
                await Console.Error.WriteAsync("> ");
            }
            // ReadLine on a console cannot be cancelled; racing it against the stop token lets Ctrl+C end at once.
            var read = Task.Run(console.Input.ReadLine, CancellationToken.None);
            var finished = await Task.WhenAny(read, Task.Delay(Timeout.Infinite, stoppingToken));
            if (finished != read) break;
            var line = InboundText.Bound(await read, InboundText.Local);
            if (line is null) break;
            if (line.Trim().Length == 0) continue;
            var activity = new Activity
            {
                Channel = LocalConnector.Name,
                ChatId = o.ChatId,
                UserId = o.UserId,
                UserName = o.UserName,
                Text = line,
                MessageId = $"{time.GetUtcNow().ToUnixTimeMilliseconds()}-{++n}",
                Timestamp = time.GetUtcNow(),
            };
            await inbox.HandOverAsync(activity, stoppingToken);
        }
        if (!stoppingToken.IsCancellationRequested)
        {
            await inbox.WhenIdleAsync().WaitAsync(stoppingToken);
            logger.LogInformation("Local chat input ended; stopping.");
            lifetime.StopApplication();
        }
    }

    private async Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }
}
