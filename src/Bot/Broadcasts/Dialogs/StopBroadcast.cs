using Bot.Broadcasts.Outbox;
using Bot.Conversations;

namespace Bot.Broadcasts.Dialogs;

/// <summary>/huyguitin (/stopbroadcast): stops the running broadcast, or asks which one when several run.</summary>
public sealed class StopBroadcastCommand(BroadcastRunner runner, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["huyguitin", "stopbroadcast", "dunggui"];
    public bool OfficerOnly => true;

    /// <summary>How the report names who stopped it: the officer's name, or their id when the platform gave none.</summary>
    internal static string Officer(Activity activity) => activity.UserName.Trim().Length > 0 ? activity.UserName : activity.UserId;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var running = runner.Running;
        var lang = await say.LanguageAsync(turn, cancellationToken);
        switch (running.Count)
        {
            case 0:
                await say.SendAsync(turn, "broadcast.stop-none");
                return;
            case 1:
                var id = running.First();
                runner.Cancel(id, Officer(turn.Activity));
                await say.SendAsync(turn, "broadcast.stopping", ("id", id));
                return;
            default:
                await turn.SendAsync(new Reply
                {
                    Text = say.Texts.Get(lang, "broadcast.stop-pick"),
                    Buttons = [.. running.Select(r => new Button(say.Texts.Get(lang, "broadcast.stop-button-n", ("id", r)), $"{StopBroadcastButtons.Prefix}:stop:{r}"))],
                }, cancellationToken);
                return;
        }
    }
}

/// <summary>"bc:stop:12" on a progress message. The officer check runs on every press.</summary>
public sealed class StopBroadcastButtons(Bot.Conversations.Officers officers, BroadcastRunner runner, Say say) : IButtonHandler
{
    public const string Prefix = "bc";

    string IButtonHandler.Prefix => Prefix;

    public async Task HandleAsync(ITurnContext turn, string data, CancellationToken cancellationToken)
    {
        if (!officers.IsOfficer(turn.Activity))
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "broadcast.officer-only-button"), cancellationToken);
            return;
        }
        var parts = data.Split(':');
        if (parts is not ["stop", var raw] || !int.TryParse(raw, out var id))
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "core.button-expired"), cancellationToken);
            return;
        }
        var stopped = runner.Cancel(id, StopBroadcastCommand.Officer(turn.Activity));
        await turn.AnswerButtonAsync(await say.TextAsync(turn, stopped ? "broadcast.stopping" : "broadcast.stop-already-finished", ("id", id)), cancellationToken);
    }
}
