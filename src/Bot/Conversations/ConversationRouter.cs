using Bot.Builder.Dialogs;
using Bot.Builder.Recognizers;

namespace Bot.Conversations;

/// <summary>
/// Decides what a turn is: a command, an answer to the form in progress, a menu pick, a question, or something
/// to explain. Dialog logic lives in the dialogs; this only routes.
/// </summary>
public sealed class ConversationRouter(
    IEnumerable<ICommand> commands,
    IEnumerable<ITextHandler> textHandlers,
    IEnumerable<IButtonHandler> buttonHandlers,
    DialogRunner dialogs,
    Officers officers,
    Menu menu,
    Say say) : IBot
{
    private readonly ITextHandler[] _textHandlers = [.. textHandlers.OrderBy(h => h.Order)];

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        try
        {
            await RouteAsync(turn, ct);
        }
        catch (Members.NotAllowedException)
        {
            // A use case refused the actor (e.g. an officer of one plan asking about another): the same polite answer
            // as the command check, whichever front end asked.
            await say.SendAsync(turn, "core.officer-only");
        }
    }

    private async Task RouteAsync(ITurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        switch (activity.Kind)
        {
            case ActivityKind.BotRemoved:
                return;
            case ActivityKind.BotAdded:
                await menu.ShowAsync(turn, "core.group-welcome");
                return;
            case ActivityKind.Unsupported:
                await say.SendAsync(turn, "core.unsupported");
                return;
            case ActivityKind.Button:
                await OnButtonAsync(turn, activity.ButtonData ?? "", ct);
                return;
        }

        var text = activity.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            await say.SendAsync(turn, "core.empty");
            return;
        }
        if (Resolve(activity) is ({ } command, var args))
        {
            await RunCommandAsync(turn, command, args, ct);
            return;
        }
        if (await dialogs.IsActiveAsync(turn, ct))
        {
            await dialogs.ContinueAsync(turn, ct);
            return;
        }
        if (activity.Command is not null)
        {
            // "/huy", "/cancel", "/back" with no form open are control words, not unknown commands: small talk answers them.
            foreach (var handler in _textHandlers.Where(h => h.Order == TextHandlerOrder.SmallTalk))
                if (await handler.TryHandleAsync(turn, activity.Command, ct)) return;
            await menu.ShowAsync(turn, "core.unknown-command", ("command", "/" + activity.Command));
            return;
        }
        // In groups the bot only reads what is addressed to it (privacy mode): commands and replies to its messages.
        if (activity.ChatKind == ChatKind.Group && !activity.IsReplyToBot) return;
        // "2" or a label after a menu: run the picked command as if it had been typed.
        if (await ChoiceMemory.RecallAsync(turn, ct) is { } picked && CommandLine.Parse(picked.Value) is { } line && Find(line.Name) is { } pickedCommand)
        {
            await RunCommandAsync(turn, pickedCommand, line.Args, ct);
            return;
        }
        foreach (var handler in _textHandlers)
            if (await handler.TryHandleAsync(turn, text, ct)) return;
        await menu.ShowAsync(turn, "core.not-understood");
    }

    private async Task RunCommandAsync(ITurnContext turn, ICommand command, string args, CancellationToken ct)
    {
        if (command.OfficerOnly && !officers.IsOfficer(turn.Activity))
        {
            await say.SendAsync(turn, "core.officer-only");
            return;
        }
        var wasActive = await dialogs.IsActiveAsync(turn, ct);
        if (command.StartsFlow && wasActive) await dialogs.CancelAllAsync(turn, ct);
        await command.HandleAsync(turn, args, ct);
        // An informational command in the middle of a form: answer, then put the member back where they were.
        if (!command.StartsFlow && wasActive && await dialogs.ActiveAsync(turn, ct) is not null)
        {
            await say.SendAsync(turn, "core.resume-form");
            await dialogs.RepromptAsync(turn, ct);
        }
    }

    private async Task OnButtonAsync(ITurnContext turn, string data, CancellationToken ct)
    {
        var handler = buttonHandlers.FirstOrDefault(h => data.StartsWith(h.Prefix + ":", StringComparison.Ordinal));
        if (handler is null)
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "core.button-expired"), ct);
            return;
        }
        await handler.HandleAsync(turn, data[(handler.Prefix.Length + 1)..], ct);
    }

    /// <summary>
    /// The command typed, also when members put a space in its name ("/dang ky …", "/đăng ký …"): when the name alone
    /// is no command, it is joined with the first word of the arguments (diacritics ignored). Same for every channel.
    /// </summary>
    private (ICommand? Command, string Args) Resolve(Activity activity)
    {
        if (activity.Command is not { } name) return (null, "");
        if ((Find(name) ?? Find(VietnameseText.Fold(name))) is { } command) return (command, activity.CommandArgs);
        var args = activity.CommandArgs;
        var end = 0;
        while (end < args.Length && char.IsLetter(args[end])) end++;
        if (end == 0) return (null, args);
        var joined = Find(VietnameseText.Fold(name + args[..end]));
        return joined is null ? (null, args) : (joined, args[end..].TrimStart(' ', ',', ':', ';', '-').Trim());
    }

    private ICommand? Find(string name) => commands.FirstOrDefault(c => c.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
}
