using Bot.Builder.Activities;
using Bot.Builder.Dialogs;

namespace Bot.Builder.Prompts;

/// <summary>Asks, recognises, validates, re-asks with the retry prompt, and gives up after the maximum attempts.</summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var opts = options as PromptOptions ?? new PromptOptions();
        WriteState(dc.ActiveDialog!, new PromptState(opts, 0));
        await SendPromptAsync(dc.Context, opts, retry: false, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var state = ReadState<PromptState>(instance)!;
        var recognized = dc.Context.Activity.Kind == ActivityKind.Message
            ? await RecognizeAsync(dc.Context, state.Options, cancellationToken)
            : PromptRecognizerResult<T>.Fail();
        var attempts = state.Attempts + 1;
        var sentBefore = dc.Context.Replies.Count;
        var valid = recognized.Succeeded &&
            (validator is null || await validator(new PromptValidatorContext<T>(dc.Context, recognized, state.Options, attempts), cancellationToken));
        if (valid) return await dc.EndDialogAsync(recognized.Value, cancellationToken);

        if (attempts >= state.Options.MaxAttempts)
        {
            var options = state.Options;
            if (options.GiveUpPrompt is { } giveUp) await dc.Context.SendAsync(giveUp, cancellationToken);
            if (options.GiveUp == PromptGiveUp.ReturnToCaller) return await dc.EndDialogAsync(PromptGaveUp.Instance, cancellationToken);
            if (options.GiveUpPrompt is not null) return await dc.CancelAllDialogsAsync(cancellationToken);
            attempts = 0; // nothing to say why the flow ended: keep asking rather than end it in silence
        }
        WriteState(instance, state with { Attempts = attempts });
        // A validator that explained the problem itself already spoke; otherwise use the retry prompt.
        if (dc.Context.Replies.Count == sentBefore) await SendPromptAsync(dc.Context, state.Options, retry: true, cancellationToken);
        else if (state.Options.Choices.Count > 0) await SendPromptAsync(dc.Context, state.Options, retry: false, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Waiting);
    }

    public override Task RepromptDialogAsync(ITurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        SendPromptAsync(turn, ReadState<PromptState>(instance)!.Options, retry: false, cancellationToken);

    protected abstract Task<PromptRecognizerResult<T>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken);

    private static Task SendPromptAsync(ITurnContext turn, PromptOptions options, bool retry, CancellationToken ct)
    {
        var reply = (retry ? options.RetryPrompt ?? options.Prompt : options.Prompt) ?? new Reply();
        if (options.Choices.Count > 0 && reply.Choices.Count == 0) reply = reply with { Choices = options.Choices };
        return reply.Text.Length == 0 && reply.Choices.Count == 0 ? Task.CompletedTask : turn.SendAsync(reply, ct);
    }

    private sealed record PromptState(PromptOptions Options, int Attempts);
}
