using System.Collections.Concurrent;

namespace Bot.Web.Chat;

/// <summary>Every visitor's page view, by chat id; pages nobody opened for a day are dropped so memory stays bounded.</summary>
public sealed class WebTranscripts(IOptions<WebOptions> options, TimeProvider time)
{
    private static readonly TimeSpan KeepIdle = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, WebTranscript> _byChat = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep;

    public WebTranscript For(string chatId)
    {
        Sweep();
        return _byChat.GetOrAdd(chatId, _ => new WebTranscript(options.Value.ChatHistory));
    }

    public WebTranscript? Find(string chatId) => _byChat.GetValueOrDefault(chatId);

    public bool Remove(string chatId) => _byChat.TryRemove(chatId, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep < TimeSpan.FromMinutes(10)) return;
        _lastSweep = now;
        foreach (var (id, transcript) in _byChat)
            if (now - transcript.LastUsed > KeepIdle) _byChat.TryRemove(id, out _);
    }
}
