namespace Bot.Builder.Dialogs;

/// <summary>A dialog made of dialogs: its own dialog set and an inner stack kept inside its instance state.</summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    private readonly DialogSet _inner = new();

    protected string InitialDialogId { get; set; } = "";

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _inner.Add(dialog);
        if (InitialDialogId.Length == 0) InitialDialogId = dialog.Id;
        return this;
    }

    public override int Version => _inner.All.Sum(d => d.Version);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var (inner, state) = Inner(dc);
        var result = await inner.BeginDialogAsync(InitialDialogId, options, cancellationToken);
        return await AfterInnerAsync(dc, state, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var (inner, state) = Inner(dc);
        var result = await inner.ContinueDialogAsync(cancellationToken);
        return await AfterInnerAsync(dc, state, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        // A dialog this component started on the outer stack ended: let the inner active dialog continue with the result.
        var (inner, state) = Inner(dc);
        var turn = inner.ActiveDialog is { } active
            ? await inner.Resolve(active).ResumeDialogAsync(inner, reason, result, cancellationToken)
            : new DialogTurnResult(DialogTurnStatus.Complete, result);
        return await AfterInnerAsync(dc, state, turn, cancellationToken);
    }

    public override async Task RepromptDialogAsync(ITurnContext turn, DialogInstance instance, CancellationToken cancellationToken)
    {
        var inner = new DialogContext(_inner, turn, ReadState<DialogState>(instance) ?? new DialogState());
        await inner.RepromptDialogAsync(cancellationToken);
    }

    public override bool CanGoBack(DialogInstance instance)
    {
        var stack = ReadState<DialogState>(instance)?.Stack ?? [];
        return stack.Any(i => _inner.Find(i.Id)?.CanGoBack(i) == true);
    }

    public override async Task<DialogTurnResult> BackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var (inner, state) = Inner(dc);
        await inner.BackAsync(cancellationToken);
        return await AfterInnerAsync(dc, state, new DialogTurnResult(DialogTurnStatus.Waiting), cancellationToken);
    }

    private (DialogContext Inner, DialogState State) Inner(DialogContext dc)
    {
        var state = ReadState<DialogState>(dc.ActiveDialog!) ?? new DialogState();
        return (new DialogContext(_inner, dc.Context, state), state);
    }

    private async Task<DialogTurnResult> AfterInnerAsync(DialogContext dc, DialogState state, DialogTurnResult result, CancellationToken ct)
    {
        if (result.Status == DialogTurnStatus.Cancelled) return await dc.CancelAllDialogsAsync(ct);
        if (result.Status == DialogTurnStatus.Complete || state.Stack.Count == 0) return await dc.EndDialogAsync(result.Result, ct);
        WriteState(dc.ActiveDialog!, state);
        return new DialogTurnResult(DialogTurnStatus.Waiting);
    }
}
