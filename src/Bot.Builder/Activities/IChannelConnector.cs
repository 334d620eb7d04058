namespace Bot.Builder.Activities;

/// <summary>The sending half of a channel adapter. It only translates; it never decides what to say.</summary>
public interface IChannelConnector
{
    string Channel { get; }
    ChannelCapabilities Capabilities { get; }

    /// <summary>Sends one already-adapted message (fits <see cref="ChannelCapabilities.MaxTextLength"/>) and returns its message id.</summary>
    Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// The platform's send limits, declared once by the channel; the delivery path paces every message to them (settings
    /// under Pacing:Channels may tighten or loosen them). Null: not paced, only paused when the platform says 429.
    /// </summary>
    SendLimits? Limits => null;

    /// <summary>Acknowledges a button press (Telegram's answerCallbackQuery); a no-op where buttons do not exist.</summary>
    Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken);
}
