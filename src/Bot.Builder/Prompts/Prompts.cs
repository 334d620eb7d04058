using Bot.Builder.Activities;
using Bot.Builder.Recognizers;

namespace Bot.Builder.Prompts;

public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override Task<PromptRecognizerResult<string>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(turn.Activity.Text is { } text && !string.IsNullOrWhiteSpace(text)
            ? PromptRecognizerResult<string>.Ok(text.Trim())
            : PromptRecognizerResult<string>.Fail());
}

public sealed class NumberPrompt(string id, PromptValidator<int>? validator = null) : Prompt<int>(id, validator)
{
    protected override Task<PromptRecognizerResult<int>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(NumberRecognizer.Recognize(turn.Activity.Text) is { } n
            ? PromptRecognizerResult<int>.Ok(n)
            : PromptRecognizerResult<int>.Fail());
}

public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    protected override Task<PromptRecognizerResult<bool>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        // Confirm prompts usually show yes/no buttons whose values are the choices' values.
        if (options.Choices.Count > 0 && ChoiceRecognizer.Recognize(turn.Activity.Text, options.Choices) is { } choice)
            return Task.FromResult(PromptRecognizerResult<bool>.Ok(options.Choices[0] == choice));
        return Task.FromResult(ConfirmRecognizer.Recognize(turn.Activity.Text) is { } yes
            ? PromptRecognizerResult<bool>.Ok(yes)
            : PromptRecognizerResult<bool>.Fail());
    }
}

public sealed class ChoicePrompt(string id, PromptValidator<Choice>? validator = null) : Prompt<Choice>(id, validator)
{
    protected override Task<PromptRecognizerResult<Choice>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ChoiceRecognizer.Recognize(turn.Activity.Text, options.Choices) is { } choice
            ? PromptRecognizerResult<Choice>.Ok(choice)
            : PromptRecognizerResult<Choice>.Fail());
}

/// <summary>Dates relative to "today" in the given time zone (Vietnam: Asia/Ho_Chi_Minh).</summary>
public sealed class DatePrompt(string id, TimeZoneInfo zone, PromptValidator<DateOnly>? validator = null) : Prompt<DateOnly>(id, validator)
{
    protected override Task<PromptRecognizerResult<DateOnly>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(turn.Time.GetUtcNow(), zone).DateTime);
        return Task.FromResult(DateRecognizer.Recognize(turn.Activity.Text, today) is { } date
            ? PromptRecognizerResult<DateOnly>.Ok(date)
            : PromptRecognizerResult<DateOnly>.Fail());
    }
}
