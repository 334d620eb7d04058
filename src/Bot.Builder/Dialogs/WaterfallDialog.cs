namespace Bot.Builder.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep<TValues>(WaterfallStepContext<TValues> step, CancellationToken cancellationToken)
    where TValues : class, new();

/// <summary>
/// Bot Builder's waterfall, with typed values instead of a dictionary. Steps are named after their methods.
/// "Back" re-runs the previous step with <see cref="WaterfallStepContext{TValues}.IsBack"/> set and no result,
/// skipping further back over steps that do not ask anything.
/// </summary>
public class WaterfallDialog<TValues>(string id, IEnumerable<WaterfallStep<TValues>> steps) : Dialog(id)
    where TValues : class, new()
{
    private readonly WaterfallStep<TValues>[] _steps = [.. steps];

    public IReadOnlyList<string> StepNames => [.. _steps.Select(s => s.Method.Name)];

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var values = options as TValues ?? new TValues();
        WriteState(dc.ActiveDialog!, new WaterfallState<TValues>(-1, values));
        return RunStepAsync(dc, 0, null, back: false, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // A waterfall waits only on its children; reaching it here means a child ended without a result.
        var state = State(dc);
        return RunStepAsync(dc, state.Index + 1, null, back: false, cancellationToken, read: state);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var state = State(dc);
        return RunStepAsync(dc, state.Index + 1, result, back: false, cancellationToken, read: state);
    }

    public override bool CanGoBack(DialogInstance instance) => ReadState<WaterfallState<TValues>>(instance)?.Index > 0;

    public override Task<DialogTurnResult> BackAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunStepAsync(dc, State(dc).Index - 1, null, back: true, cancellationToken);

    /// <param name="read">The state as the caller just read it (a fresh copy nobody else holds), saving a second read.</param>
    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, bool back, CancellationToken ct, TValues? carried = null, WaterfallState<TValues>? read = null)
    {
        var instance = dc.ActiveDialog!;
        var state = read ?? State(dc);
        // A step that skips ahead hands over the values it changed; the stored ones do not have those changes yet.
        if (carried is not null) state = state with { Values = carried };
        if (index >= _steps.Length) return await dc.EndDialogAsync(state.Values, ct);
        if (index < 0) index = 0;
        var written = state with { Index = index };
        WriteState(instance, written);
        var writes = instance.Writes;
        var step = new WaterfallStepContext<TValues>(this, dc, index, _steps[index].Method.Name, state.Values, result, back);
        var turnResult = await _steps[index](step, ct);
        // The step may have mutated Values; keep them with the instance if it is still on the stack — unless it moved on,
        // in which case the step it moved to stored the newer values. What is stored besides the values is what was
        // written above, unless someone wrote the instance since: only then is it read back (reading costs a parse).
        if (!step.MovedOn && dc.Stack.Contains(instance))
        {
            var stored = instance.Writes == writes ? written : ReadState<WaterfallState<TValues>>(instance)!;
            WriteState(instance, stored with { Values = step.Values });
        }
        return turnResult;
    }

    private static WaterfallState<TValues> State(DialogContext dc) =>
        ReadState<WaterfallState<TValues>>(dc.ActiveDialog!) ?? new WaterfallState<TValues>(-1, new TValues());
}

public sealed record WaterfallState<TValues>(int Index, TValues Values);

public sealed class WaterfallStepContext<TValues>(
    WaterfallDialog<TValues> waterfall, DialogContext dc, int index, string name, TValues values, object? result, bool isBack)
    where TValues : class, new()
{
    public ITurnContext Context => dc.Context;
    public DialogContext Dialogs => dc;
    public int Index { get; } = index;
    public string StepName { get; } = name;
    public TValues Values { get; set; } = values;
    public object? Result { get; } = result;

    /// <summary>True when the member went back to this step: re-ask, do not expect a result.</summary>
    public bool IsBack { get; } = isBack;

    /// <summary>Skips ahead (or, while going back, further back past a step that asks nothing).</summary>
    internal bool MovedOn { get; private set; }

    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        MovedOn = true;
        return IsBack && Index > 0
            ? waterfall.RunStepAsync(dc, Index - 1, null, back: true, cancellationToken, Values)
            : waterfall.RunStepAsync(dc, Index + 1, IsBack ? null : result, back: false, cancellationToken, Values);
    }

    public Task<DialogTurnResult> PromptAsync(string promptId, Bot.Builder.Prompts.PromptOptions options, CancellationToken cancellationToken = default) =>
        dc.BeginDialogAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        dc.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        dc.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
