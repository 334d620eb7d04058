using Bot.Builder.Recognizers;
using Bot.Builder.State;

namespace Bot.Builder.Dialogs;

/// <summary>What the application says when a flow is interrupted (texts live in the application's content).</summary>
public interface IInterruptionResponder
{
    Task OnCancelledAsync(ITurnContext turn, CancellationToken cancellationToken);
    Task OnHelpAsync(ITurnContext turn, DialogInstance active, CancellationToken cancellationToken);
    Task OnCannotGoBackAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>The stored stack belongs to a form or dialog that no longer exists (after an update): say so politely.</summary>
    Task OnStaleStackAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>
/// Loads the member's dialog stack, handles interruptions (cancel / help / back) in one place,
/// continues or begins dialogs, and writes the stack back. Bot Builder's DialogManager, in short.
/// </summary>
public sealed class DialogRunner(DialogSet dialogs, IInterruptionResponder responder)
{
    public const string StackProperty = "dialogs";

    public DialogSet Dialogs => dialogs;

    /// <summary>True when the member is in the middle of a dialog.</summary>
    public async Task<bool> IsActiveAsync(ITurnContext turn, CancellationToken ct = default) =>
        (await LoadAsync(turn, ct)).Stack.Count > 0;

    public async Task<DialogInstance?> ActiveAsync(ITurnContext turn, CancellationToken ct = default) =>
        (await LoadAsync(turn, ct)).Stack.LastOrDefault();

    /// <summary>Continues the active dialog, if any. Returns Empty when there was none (the caller routes the message).</summary>
    public async Task<DialogTurnResult> ContinueAsync(ITurnContext turn, CancellationToken ct = default)
    {
        var state = await LoadAsync(turn, ct);
        if (state.Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        var dc = new DialogContext(dialogs, turn, state);
        if (!dc.IsValid()) return await RestartStaleAsync(turn, ct);

        var result = InterruptionRecognizer.Recognize(turn.Activity.Text) switch
        {
            Interruption.Cancel => await CancelAsync(dc, ct),
            Interruption.Help => await HelpAsync(dc, ct),
            Interruption.Back => await BackAsync(dc, ct),
            _ => await dc.ContinueDialogAsync(ct),
        };
        await SaveAsync(turn, state, ct);
        return result;
    }

    /// <summary>Starts a dialog, replacing whatever the member was doing.</summary>
    public async Task<DialogTurnResult> BeginAsync(ITurnContext turn, string dialogId, object? options = null, CancellationToken ct = default)
    {
        await CancelAllAsync(turn, ct); // end what was running, so its cleanup runs
        var state = new DialogState();
        var result = await new DialogContext(dialogs, turn, state).BeginDialogAsync(dialogId, options, ct);
        await SaveAsync(turn, state, ct);
        return result;
    }

    /// <summary>Asks the active dialog's question again (after an interruption answered something else).</summary>
    public async Task RepromptAsync(ITurnContext turn, CancellationToken ct = default)
    {
        var state = await LoadAsync(turn, ct);
        var dc = new DialogContext(dialogs, turn, state);
        if (state.Stack.Count > 0 && dc.IsValid()) await dc.RepromptDialogAsync(ct);
    }

    public async Task CancelAllAsync(ITurnContext turn, CancellationToken ct = default)
    {
        var state = await LoadAsync(turn, ct);
        if (state.Stack.Count == 0) return;
        try
        {
            await new DialogContext(dialogs, turn, state).CancelAllDialogsAsync(ct);
        }
        catch (DialogStackInvalidException)
        {
            state.Stack.Clear();
        }
        await SaveAsync(turn, state, ct);
    }

    private async Task<DialogTurnResult> CancelAsync(DialogContext dc, CancellationToken ct)
    {
        var result = await dc.CancelAllDialogsAsync(ct);
        await responder.OnCancelledAsync(dc.Context, ct);
        return result;
    }

    private async Task<DialogTurnResult> HelpAsync(DialogContext dc, CancellationToken ct)
    {
        await responder.OnHelpAsync(dc.Context, dc.ActiveDialog!, ct);
        await dc.RepromptDialogAsync(ct);
        return new DialogTurnResult(DialogTurnStatus.Waiting);
    }

    private async Task<DialogTurnResult> BackAsync(DialogContext dc, CancellationToken ct)
    {
        if (await dc.BackAsync(ct)) return new DialogTurnResult(DialogTurnStatus.Waiting);
        await responder.OnCannotGoBackAsync(dc.Context, ct);
        await dc.RepromptDialogAsync(ct);
        return new DialogTurnResult(DialogTurnStatus.Waiting);
    }

    private async Task<DialogTurnResult> RestartStaleAsync(ITurnContext turn, CancellationToken ct)
    {
        await turn.State.RemoveAsync(StateScope.Member, StackProperty, ct);
        await responder.OnStaleStackAsync(turn, ct);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    private static async Task<DialogState> LoadAsync(ITurnContext turn, CancellationToken ct) =>
        await turn.State.GetAsync<DialogState>(StateScope.Member, StackProperty, ct) ?? new DialogState();

    private static Task SaveAsync(ITurnContext turn, DialogState state, CancellationToken ct) =>
        state.Stack.Count == 0
            ? turn.State.RemoveAsync(StateScope.Member, StackProperty, ct)
            : turn.State.SetAsync(StateScope.Member, StackProperty, state, ct);
}
