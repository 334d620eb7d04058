using Bot.Builder.State;
using Bot.Content;

namespace Bot.Conversations;

/// <summary>/start: greets and shows the menu. A deep-link payload ("/start pledge_tld-2021") goes to whoever handles it.</summary>
public sealed class StartCommand(Menu menu, IEnumerable<IStartPayloadHandler> payloads) : ICommand
{
    public IReadOnlyList<string> Names => ["start", "batdau", "menu"];
    public bool StartsFlow => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        foreach (var handler in payloads)
            if (args.Length > 0 && await handler.TryHandleAsync(turn, args, cancellationToken)) return;
        await menu.ShowAsync(turn, "core.greeting", ("name", turn.Activity.UserName));
    }
}

/// <summary>A deep-link payload handler ("/start &lt;payload&gt;"), e.g. the pledge form opened from a group.</summary>
public interface IStartPayloadHandler
{
    Task<bool> TryHandleAsync(ITurnContext turn, string payload, CancellationToken cancellationToken);
}

public sealed class HelpCommand(Menu menu, Officers officers, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["trogiup", "help", "huongdan"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        await menu.ShowAsync(turn, "core.help");
        if (officers.IsOfficer(turn.Activity)) await say.SendAsync(turn, "core.help-officer");
    }
}

/// <summary>/ngonngu (/language): switches between Vietnamese and English for this member.</summary>
public sealed class LanguageCommand(Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["ngonngu", "language", "lang"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var current = await say.LanguageAsync(turn, cancellationToken);
        var wanted = Bot.Builder.Recognizers.VietnameseText.Fold(args) switch
        {
            "en" or "english" or "tieng anh" => Languages.English,
            "vi" or "vn" or "tieng viet" => Languages.Vietnamese,
            _ => current == Languages.English ? Languages.Vietnamese : Languages.English,
        };
        await turn.State.SetAsync(StateScope.User, Say.LanguageProperty, wanted, cancellationToken);
        await turn.SendAsync(say.Texts.Get(wanted, "core.language-set"));
    }
}
