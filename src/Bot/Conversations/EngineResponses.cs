using Bot.Builder.Dialogs;
using Bot.Builder.Pipeline;

namespace Bot.Conversations;

/// <summary>The engine's own words (errors, buttons, interruptions), taken from texts/core.yaml.</summary>
public sealed class EngineResponses(Say say, Menu menu) : IEngineTexts, IInterruptionResponder
{
    public string TurnFailed(ITurnContext turn) => say.Now(turn, "core.turn-failed");
    public string ButtonExpired(ITurnContext turn) => say.Now(turn, "core.button-expired");
    public string ButtonNotYours(ITurnContext turn) => say.Now(turn, "core.button-not-yours");

    public Task OnCancelledAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        menu.ShowAsync(turn, "core.cancelled");

    public async Task OnHelpAsync(ITurnContext turn, DialogInstance active, CancellationToken cancellationToken)
    {
        // A form can have its own help text ("help.<dialog-id>"); otherwise the general one.
        var key = say.Texts.Has($"help.{active.Id}") ? $"help.{active.Id}" : "core.form-help";
        await say.SendAsync(turn, key);
    }

    public async Task OnCannotGoBackAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await say.SendAsync(turn, "core.cannot-go-back");

    public Task OnStaleStackAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        menu.ShowAsync(turn, "core.form-changed");
}
