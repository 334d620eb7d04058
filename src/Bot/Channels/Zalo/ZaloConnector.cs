using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>
/// Sends to Zalo: plain text of at most 2,000 characters (the pipeline splits and numbers choices before this),
/// no buttons, no edits (an edit arrives here as a new message), no files. Retries 429, 5xx and timeouts a few
/// times with growing pauses, never 400/401, then reports a channel-neutral <see cref="ChannelSendException"/>.
/// </summary>
public sealed class ZaloConnector(ZaloBotClient client, TimeProvider time, ILogger<ZaloConnector> logger) : IChannelConnector
{
    public const int MaxTextLength = 2000;
    internal const int Attempts = 3;
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Zalo gives no Retry-After: after our own retries, ask the delivery road to pause this long.</summary>
    internal static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(5);

    public string Channel => ZaloActivityMapper.Channel;

    public ChannelCapabilities Capabilities { get; } = new() { Buttons = false, EditMessages = false, Files = false, Html = false, MaxTextLength = MaxTextLength };

    /// <summary>Zalo publishes no numbers (zalo.md §1.8): a sixth of Telegram's 30/s overall, Telegram's per-chat limits.</summary>
    public SendLimits? Limits { get; } = new(MessagesPerSecond: 5);

    public async Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        // Zalo rejects empty text (1–2000 characters); a reply that was only a file has nothing to say here.
        if (string.IsNullOrWhiteSpace(reply.Text)) return null;
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var sent = await client.SendMessageAsync(to.ChatId, reply.Text, cancellationToken);
                return sent.MessageId;
            }
            catch (ZaloApiException ex) when (ex.IsTransient && attempt < Attempts)
            {
                logger.LogWarning("Zalo sendMessage to {ChatId} failed ({ErrorCode} {Description}); retry {Attempt} in {Delay}",
                    to.ChatId, ex.ErrorCode, ex.Description, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
            catch (ZaloApiException ex)
            {
                throw ToChannelFailure(ex);
            }
        }
    }

    public Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>"typing…" in the chat while a slow answer is prepared; best effort, a failure is not the member's problem.</summary>
    public async Task SendTypingAsync(string chatId, CancellationToken ct)
    {
        try
        {
            await client.SendChatActionAsync(chatId, "typing", ct);
        }
        catch (ZaloApiException ex)
        {
            logger.LogDebug("Zalo typing indicator for {ChatId} failed: {ErrorCode} {Description}", chatId, ex.ErrorCode, ex.Description);
        }
    }

    internal static ChannelSendException ToChannelFailure(ZaloApiException ex) => ex.ErrorCode switch
    {
        429 => new ChannelSendException(SendFailure.RateLimited, ex.Message, ex) { RetryAfter = RateLimitPause },
        // 404 on a send: the chat does not exist (any more) for this bot.
        404 => new ChannelSendException(SendFailure.Unreachable, ex.Message, ex),
        _ when ex.IsTransient => new ChannelSendException(SendFailure.Transient, ex.Message, ex),
        // 400, 401 and 403 (which Zalo documents as "internal server error", sic): repeating the request will not help.
        _ => new ChannelSendException(SendFailure.Permanent, ex.Message, ex),
    };
}
