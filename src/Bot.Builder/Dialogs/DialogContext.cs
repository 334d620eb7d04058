namespace Bot.Builder.Dialogs;

/// <summary>Thrown when the stored stack names a dialog (or a dialog version) this build does not have.</summary>
public sealed class DialogStackInvalidException(string id) : Exception($"The stored dialog '{id}' no longer exists in this version.");

/// <summary>A dialog stack plus the dialogs that may run on it, for one turn (Bot Builder's DialogContext).</summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext turn, DialogState state)
{
    public ITurnContext Context { get; } = turn;
    public DialogSet Dialogs { get; } = dialogs;
    public List<DialogInstance> Stack => state.Stack;
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not registered.");
        var now = Context.Time.GetUtcNow();
        Stack.Add(new DialogInstance { Id = dialogId, Version = dialog.Version, StartedAt = now, UpdatedAt = now });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active) return new DialogTurnResult(DialogTurnStatus.Empty);
        active.UpdatedAt = Context.Time.GetUtcNow();
        return await Resolve(active).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } parent)
            return await Resolve(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        while (Stack.Count > 0) await PopAsync(DialogReason.CancelCalled, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active ? Resolve(active).RepromptDialogAsync(Context, active, cancellationToken) : Task.CompletedTask;

    /// <summary>One step back in the nearest dialog that can go back; false (stack untouched) when none can.</summary>
    public async Task<bool> BackAsync(CancellationToken cancellationToken = default)
    {
        for (var i = Stack.Count - 1; i >= 0; i--)
        {
            var dialog = Resolve(Stack[i]);
            if (!dialog.CanGoBack(Stack[i])) continue;
            while (Stack.Count - 1 > i) await PopAsync(DialogReason.BackCalled, cancellationToken);
            await dialog.BackAsync(this, cancellationToken);
            return true;
        }
        return false;
    }

    /// <summary>Checks that every stored entry still exists in this build, with the same version.</summary>
    public bool IsValid() => Stack.All(i => Dialogs.Find(i.Id) is { } d && d.Version == i.Version);

    internal Dialog Resolve(DialogInstance instance) =>
        Dialogs.Find(instance.Id) is { } d && d.Version == instance.Version ? d : throw new DialogStackInvalidException(instance.Id);

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var top = Stack[^1];
        Stack.RemoveAt(Stack.Count - 1);
        if (Dialogs.Find(top.Id) is { } dialog) await dialog.EndDialogAsync(Context, top, reason, cancellationToken);
    }
}
