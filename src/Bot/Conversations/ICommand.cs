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

/// <summary>Free text outside any dialog (private chat, /hoi, or a reply to the bot). Handlers are asked in registration order.</summary>
public interface ITextHandler
{
    Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken);
}

/// <summary>Application buttons ("area:..." data, not choice buttons). The owner of the prefix handles them.</summary>
public interface IButtonHandler
{
    string Prefix { get; }
    Task HandleAsync(ITurnContext turn, string data, CancellationToken cancellationToken);
}
