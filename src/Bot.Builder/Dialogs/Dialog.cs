namespace Bot.Builder.Dialogs;

public enum DialogTurnStatus { Empty, Waiting, Complete, Cancelled }

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);

public enum DialogReason { BeginCalled, ContinueCalled, EndCalled, ReplaceCalled, CancelCalled, NextCalled, BackCalled }

/// <summary>One entry of the dialog stack, as persisted. <see cref="Version"/> guards against stale stored stacks.</summary>
public sealed class DialogInstance
{
    public required string Id { get; set; }
    public int Version { get; set; }
    public JsonElement? State
    {
        get;
        set
        {
            field = value;
            Writes++;
        }
    }

    /// <summary>How often <see cref="State"/> was set in this turn (not stored): a reader can tell that nobody wrote since it did.</summary>
    internal int Writes { get; private set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class DialogState
{
    public List<DialogInstance> Stack { get; set; } = [];
}

/// <summary>The Bot Builder dialog contract: begin, continue, resume after a child ends, reprompt, end.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Bump when the stored state of this dialog changes shape; older stored stacks are restarted politely.</summary>
    public virtual int Version => 1;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    public virtual Task RepromptDialogAsync(ITurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Whether this dialog (as the active one on its level) can go one step back.</summary>
    public virtual bool CanGoBack(DialogInstance instance) => false;

    /// <summary>Go one step back; only called when <see cref="CanGoBack"/> said yes and the dialogs above were ended.</summary>
    public virtual Task<DialogTurnResult> BackAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult(new DialogTurnResult(DialogTurnStatus.Waiting));

    public virtual Task EndDialogAsync(ITurnContext turn, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected static T? ReadState<T>(DialogInstance instance) =>
        instance.State is { ValueKind: not JsonValueKind.Null } state ? state.Deserialize<T>(State.TurnState.Json) : default;

    protected static void WriteState<T>(DialogInstance instance, T value) => instance.State = JsonSerializer.SerializeToElement(value, State.TurnState.Json);
}
