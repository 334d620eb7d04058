using Bot.Conversations;
using Bot.Members;

namespace Bot.Broadcasts.Dialogs;

/// <summary>/huyguitin (/stopbroadcast): stops the running broadcast, or asks which one when several run.</summary>
public sealed class StopBroadcastCommand(BroadcastService broadcasts, TurnActors actors, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["huyguitin", "stopbroadcast", "dunggui"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(turn, cancellationToken);
        var running = broadcasts.Running(actor);
        switch (running.Count)
        {
            case 0:
                await say.SendAsync(turn, "broadcast.stop-none");
                return;
            case 1:
                var id = running.First();
                await broadcasts.StopAsync(actor, id, cancellationToken);
                await say.SendAsync(turn, "broadcast.stopping", ("id", id));
                return;
            default:
                await turn.SendAsync(new Reply
                {
                    Text = say.Texts.Get(actor.Language, "broadcast.stop-pick"),
                    Buttons = [.. running.Select(r => new Button(say.Texts.Get(actor.Language, "broadcast.stop-button-n", ("id", r)), $"{StopBroadcastButtons.Prefix}:stop:{r}"))],
                }, cancellationToken);
                return;
        }
    }
}

/// <summary>"bc:stop:12" on a progress message. The officer check runs on every press.</summary>
public sealed class StopBroadcastButtons(BroadcastService broadcasts, TurnActors actors, Say say) : IButtonHandler
{
    public const string Prefix = "bc";

    string IButtonHandler.Prefix => Prefix;

    public async Task HandleAsync(ITurnContext turn, string data, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(turn, cancellationToken);
        if (data.Split(':') is not ["stop", var raw] || !int.TryParse(raw, out var id))
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, actor.IsOfficer ? "core.button-expired" : "broadcast.officer-only-button"), cancellationToken);
            return;
        }
        try
        {
            var stopped = await broadcasts.StopAsync(actor, id, cancellationToken);
            await turn.AnswerButtonAsync(await say.TextAsync(turn, stopped ? "broadcast.stopping" : "broadcast.stop-already-finished", ("id", id)), cancellationToken);
        }
        catch (NotAllowedException)
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "broadcast.officer-only-button"), cancellationToken);
        }
    }
}
