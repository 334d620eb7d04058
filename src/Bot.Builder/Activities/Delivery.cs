using Microsoft.Extensions.Logging;

namespace Bot.Builder.Activities;

public enum SendPriority
{
    /// <summary>An answer to a member who is waiting: goes first within the platform's budget.</summary>
    Reply,

    /// <summary>A broadcast message: uses what replies leave of the budget.</summary>
    Broadcast,
}

/// <summary>Paces sends to the platform's limits. The default sends at once; the broadcasts feature installs a real one.</summary>
public interface ISendPacer
{
    ValueTask WaitAsync(ConversationAddress to, SendPriority priority, CancellationToken cancellationToken);

    /// <summary>The platform said "too many requests": the limit is per bot, so every sender waits.</summary>
    void Pause(string channel, TimeSpan retryAfter);
}

public sealed class ImmediatePacer : ISendPacer
{
    public ValueTask WaitAsync(ConversationAddress to, SendPriority priority, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public void Pause(string channel, TimeSpan retryAfter) { }
}

/// <summary>Counts what happens on the road (sends, 429s, failures) for the operator's metrics; called on every send, so cheap.</summary>
public interface IDeliveryMeter
{
    void Sent(ConversationAddress to);
    void RateLimited(ConversationAddress to);
    void Failed(ConversationAddress to, Exception failure);
}

/// <summary>Told about chats that cannot be reached or moved (e.g. to mark a member unreachable, to follow a group migration).</summary>
public interface IDeliveryObserver
{
    Task OnFailedAsync(ConversationAddress to, ChannelSendException failure, CancellationToken cancellationToken);
}

/// <summary>
/// The one road every outbound message takes: adapt to the channel (buttons or numbered choices, HTML or plain,
/// split to the length limit), wait for the pacer, send, and handle 429 (pause everyone, retry the same piece)
/// and group migration (resend to the new id).
/// </summary>
public sealed class Delivery(ISendPacer pacer, IEnumerable<IDeliveryObserver> observers, TimeProvider time, ILogger<Delivery> logger, IDeliveryMeter? meter = null)
{
    public const int MaxRateLimitRetries = 3;

    public async Task<string?> SendAsync(IChannelConnector target, ConversationAddress to, Reply reply, SendPriority priority, CancellationToken ct)
    {
        string? last = null;
        foreach (var piece in Adapt(target.Capabilities, reply))
            last = await SendPieceAsync(target, to, piece, priority, ct);
        return last;
    }

    public static IReadOnlyList<Reply> Adapt(ChannelCapabilities caps, Reply reply)
    {
        var text = reply.Text;
        if (!caps.Buttons && reply.Choices.Count > 0) text = TextFormat.WithNumberedChoices(text, reply.Choices);
        if (!caps.Buttons && reply.Buttons.Any(b => b.Url is not null))
            text += string.Concat(reply.Buttons.Where(b => b.Url is not null).Select(b => $"\n{b.Label}: {b.Url}"));
        if (!caps.Html) text = TextFormat.ToPlain(text);
        var buttons = caps.Buttons ? reply.Buttons : [];
        var edit = caps.EditMessages ? reply.EditMessageId : null;
        var parts = TextFormat.Split(text, caps.MaxTextLength);
        return [.. parts.Select((part, i) => reply with
        {
            Text = part,
            Buttons = i == parts.Count - 1 ? buttons : [],
            EditMessageId = i == 0 ? edit : null,
            File = i == parts.Count - 1 && caps.Files ? reply.File : null,
            ReplyToMessageId = i == 0 ? reply.ReplyToMessageId : null,
        })];
    }

    private async Task<string?> SendPieceAsync(IChannelConnector target, ConversationAddress to, Reply piece, SendPriority priority, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await pacer.WaitAsync(to, priority, ct);
            try
            {
                var id = await target.SendAsync(to, piece, ct);
                meter?.Sent(to);
                return id;
            }
            catch (ChannelSendException ex) when (ex.Failure == SendFailure.RateLimited && attempt < MaxRateLimitRetries)
            {
                meter?.RateLimited(to);
                logger.LogWarning("Rate limited on {Channel}; pausing all sends for {RetryAfter}", to.Channel, ex.RetryAfter);
                pacer.Pause(to.Channel, ex.RetryAfter);
                await Task.Delay(ex.RetryAfter, time, ct);
            }
            catch (ChannelSendException ex) when (ex.Failure == SendFailure.Migrated && ex.MigratedToChatId is { } newId && attempt == 0)
            {
                await NotifyAsync(to, ex, ct);
                to = to with { ChatId = newId };
            }
            catch (ChannelSendException ex) when (ex.Failure == SendFailure.Unreachable)
            {
                meter?.Failed(to, ex);
                await NotifyAsync(to, ex, ct);
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && CountFailure(to, ex))
            {
                throw; // never reached: the filter only counts, and the failure goes on to the caller untouched
            }
        }
    }

    private bool CountFailure(ConversationAddress to, Exception failure)
    {
        if (failure is ChannelSendException { Failure: SendFailure.RateLimited }) meter?.RateLimited(to);
        meter?.Failed(to, failure);
        return false;
    }

    private async Task NotifyAsync(ConversationAddress to, ChannelSendException failure, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnFailedAsync(to, failure, ct);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Delivery observer failed for {Channel}:{ChatId}", to.Channel, to.ChatId);
            }
        }
    }
}
