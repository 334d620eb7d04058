using System.Collections.Concurrent;
using Bot.Builder.Activities;

namespace Bot.Builder.Testing;

/// <summary>A channel that records what the bot sends, for transcript tests. Capabilities are chosen by the test.</summary>
public sealed class TestConnector(string channel, ChannelCapabilities capabilities) : IChannelConnector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SentReply>> _outbox = new();
    private readonly ConcurrentQueue<SentReply> _all = new();
    private int _nextId;

    public TestConnector() : this("test", new ChannelCapabilities { Buttons = true, EditMessages = true, Files = true, Html = false }) { }

    public string Channel { get; } = channel;
    public ChannelCapabilities Capabilities { get; set; } = capabilities;
    public ConcurrentQueue<(Activity Activity, string? Text)> ButtonAnswers { get; } = new();
    public IReadOnlyCollection<SentReply> All => _all;

    /// <summary>Called as each message is sent, before the test sees it (to look at what was stored at that moment).</summary>
    public Action<SentReply>? OnSend { get; set; }

    public Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        var id = reply.EditMessageId ?? Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sent = new SentReply(to, id, reply);
        OnSend?.Invoke(sent);
        _outbox.GetOrAdd(to.ChatId, _ => new()).Enqueue(sent);
        _all.Enqueue(sent);
        return Task.FromResult<string?>(id);
    }

    public Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken)
    {
        ButtonAnswers.Enqueue((activity, text));
        return Task.CompletedTask;
    }

    public bool TryDequeue(string chatId, out SentReply reply)
    {
        reply = null!;
        return _outbox.TryGetValue(chatId, out var q) && q.TryDequeue(out reply!);
    }

    public IReadOnlyList<SentReply> Pending(string chatId) => _outbox.TryGetValue(chatId, out var q) ? [.. q] : [];
}

public sealed record SentReply(ConversationAddress To, string MessageId, Reply Reply)
{
    public string Text => Reply.Text;
}
