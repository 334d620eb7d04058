namespace Bot.Conversations;

/// <summary>A slash command. Names are ASCII ("dangky", "pledge"); the router checks officer rights before calling it.</summary>
public interface ICommand
{
    IReadOnlyList<string> Names { get; }

    bool OfficerOnly => false;

    /// <summary>True when the command starts its own flow (replacing any form in progress); false when it only answers.</summary>
    bool StartsFlow => false;

    Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken);
}

/// <summary>Free text outside any dialog (private chat, /hoi, or a reply to the bot). Handlers are asked by <see cref="Order"/>.</summary>
public interface ITextHandler
{
    /// <summary>When this handler is asked, lowest first (<see cref="TextHandlerOrder"/>); registration order does not matter.</summary>
    int Order { get; }

    Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken);
}

/// <summary>
/// The order free text is tried in, in one place: a registration in one message is recognised before anything else
/// (it names a title, which the FAQ would also match); small talk and control words before questions (so "huỷ" or
/// "cảm ơn" never gets a plan answer); the FAQ last, as it answers or declines whatever is left.
/// </summary>
public static class TextHandlerOrder
{
    public const int QuickRegistration = 100;
    public const int SmallTalk = 200;
    public const int Faq = 300;
}

/// <summary>Application buttons ("area:..." data, not choice buttons). The owner of the prefix handles them.</summary>
public interface IButtonHandler
{
    string Prefix { get; }
    Task HandleAsync(ITurnContext turn, string data, CancellationToken cancellationToken);
}
