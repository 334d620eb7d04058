namespace Bot.Web.Chat;

/// <summary>
/// What one visitor's page shows, in memory: the last messages both ways, and a signal for the page's long poll.
/// The conversation itself (forms, language, pledges) is in the bot's state on disk; only this view of it is lost
/// on a restart.
/// </summary>
public sealed class WebTranscript(int capacity)
{
    private readonly Lock _gate = new();
    private readonly List<WebMessage> _messages = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seq;
    private int _ids;

    public DateTimeOffset LastUsed { get; private set; }

    public WebMessage Add(bool fromBot, string text, IReadOnlyList<WebButton> buttons, WebFile? file, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        WebMessage message;
        lock (_gate)
        {
            message = new WebMessage((++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture), ++_seq, fromBot, text, buttons, file);
            _messages.Add(message);
            if (_messages.Count > capacity) _messages.RemoveRange(0, _messages.Count - capacity);
            LastUsed = now;
            (changed, _changed) = (_changed, new(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        changed.TrySetResult();
        return message;
    }

    /// <summary>Replaces an earlier bot message (a progress message being edited); false when it is gone.</summary>
    public bool Edit(string id, string text, IReadOnlyList<WebButton> buttons)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var i = _messages.FindIndex(m => m.Id == id);
            if (i < 0) return false;
            _messages[i] = _messages[i] with { Seq = ++_seq, Text = text, Buttons = buttons };
            (changed, _changed) = (_changed, new(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        changed.TrySetResult();
        return true;
    }

    public IReadOnlyList<WebMessage> After(long seq)
    {
        lock (_gate) return [.. _messages.Where(m => m.Seq > seq).OrderBy(m => m.Seq)];
    }

    public WebFile? File(string id)
    {
        lock (_gate) return _messages.Select(m => m.File).FirstOrDefault(f => f?.Id == id);
    }

    /// <summary>Messages after <paramref name="seq"/>, waiting up to <paramref name="wait"/> for one to come.</summary>
    public async Task<IReadOnlyList<WebMessage>> WaitAfterAsync(long seq, TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        Task changed;
        lock (_gate)
        {
            if (_seq > seq) return After(seq);
            changed = _changed.Task;
        }
        try
        {
            await changed.WaitAsync(wait, time, ct);
        }
        catch (TimeoutException)
        {
            // Nothing new: the page asks again.
        }
        return After(seq);
    }
}
