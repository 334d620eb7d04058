using Bot.Builder.Activities;

namespace Bot.Builder.Prompts;

public sealed record PromptOptions
{
    public Reply? Prompt { get; init; }

    /// <summary>Sent after an answer that was not understood or not valid (unless the validator said something itself).</summary>
    public Reply? RetryPrompt { get; init; }

    /// <summary>
    /// Sent when <see cref="MaxAttempts"/> answers in a row failed. Without it a prompt that would end the flow keeps
    /// asking instead: giving up is never silent.
    /// </summary>
    public Reply? GiveUpPrompt { get; init; }

    /// <summary>What giving up does: end the whole flow, or hand <see cref="PromptGaveUp"/> to the step that asked.</summary>
    public PromptGiveUp GiveUp { get; init; } = PromptGiveUp.EndFlow;

    public IReadOnlyList<Choice> Choices { get; init; } = [];
    public int MaxAttempts { get; init; } = 3;
}

public enum PromptGiveUp
{
    EndFlow,

    /// <summary>The caller keeps its state and decides (and speaks, unless the give-up prompt already did).</summary>
    ReturnToCaller,
}

/// <summary>The result a prompt returns to its caller when it gave up with <see cref="PromptGiveUp.ReturnToCaller"/>.</summary>
public sealed class PromptGaveUp
{
    public static readonly PromptGaveUp Instance = new();

    private PromptGaveUp() { }
}

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default)
{
    public static PromptRecognizerResult<T> Fail() => new(false);
    public static PromptRecognizerResult<T> Ok(T value) => new(true, value);
}

public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
{
    public ITurnContext Context { get; } = context;
    public PromptRecognizerResult<T> Recognized { get; } = recognized;
    public PromptOptions Options { get; } = options;
    public int AttemptCount { get; } = attemptCount;
}

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);
