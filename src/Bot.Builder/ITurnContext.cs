using Bot.Builder.Activities;
using Bot.Builder.State;

namespace Bot.Builder;

public interface ITurnContext
{
    Activity Activity { get; }
    ChannelCapabilities Capabilities { get; }
    TurnState State { get; }
    IServiceProvider Services { get; }
    TimeProvider Time { get; }

    /// <summary>Everything sent in this turn, as the dialogs wrote it (before channel adaptation).</summary>
    IReadOnlyList<Reply> Replies { get; }

    /// <summary>
    /// Adapts the reply to the channel (buttons or numbered choices, plain text, splitting) and queues it: replies go
    /// out in order once the turn's writes are committed. Returns null (the message id is not known yet).
    /// </summary>
    Task<string?> SendAsync(Reply reply, CancellationToken cancellationToken = default);

    /// <summary>Commits the turn's writes so far, sends what is queued and then this reply; returns its message id (e.g. to edit it later).</summary>
    Task<string?> SendNowAsync(Reply reply, CancellationToken cancellationToken = default);

    /// <summary>Sends to another conversation (e.g. a member's private chat, an officer's notice).</summary>
    Task<string?> SendToAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken = default);

    Task AnswerButtonAsync(string? text = null, CancellationToken cancellationToken = default);
}
