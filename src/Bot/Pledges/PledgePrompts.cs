using System.Text.RegularExpressions;
using Bot.Builder.Prompts;
using Bot.Builder.Recognizers;

namespace Bot.Pledges;

/// <summary>
/// A free-text answer that may also pick one of the offered suggestions (the member's previous value, a field
/// suggestion) by its number or its exact label; a skip word answers "" so the validator can accept or refuse it.
/// Unlike the choice recogniser it never matches a label inside a longer answer: "Tổ Cơ khí 2" is not "Tổ Cơ khí".
/// </summary>
public sealed class FieldPrompt(string id, PledgeVocabulary vocabulary, PromptValidator<string> validator) : Prompt<string>(id, validator)
{
    protected override Task<PromptRecognizerResult<string>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Task.FromResult(PromptRecognizerResult<string>.Fail());
        // Folding would hide control characters and match the suggestion; the validator must see them.
        if (text.Any(PledgeInput.IsForbidden)) return Task.FromResult(PromptRecognizerResult<string>.Ok(text));
        if (options.Choices.FirstOrDefault(c => c.Value == text) is { } byValue) text = byValue.Value;
        else if (int.TryParse(text, out var n) && n >= 1 && n <= options.Choices.Count) text = options.Choices[n - 1].Value;
        else if (options.Choices.FirstOrDefault(c => PledgeText.Key(c.Label) == PledgeText.Key(text) && PledgeText.Key(text).Length > 0) is { } byLabel)
            text = byLabel.Value;
        return Task.FromResult(PromptRecognizerResult<string>.Ok(vocabulary.IsSkip(text) ? "" : text));
    }
}

/// <summary>One or more movements: "1, 3", "1 và 3", a label, a pressed button; or a skip word for none.</summary>
public sealed partial class MovementsPrompt(string id, PledgeVocabulary vocabulary) : Prompt<List<string>>(id)
{
    protected override Task<PromptRecognizerResult<List<string>>> RecognizeAsync(ITurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim() ?? "";
        if (vocabulary.IsSkip(text) || options.Choices.Any(c => c.Value == text && vocabulary.IsSkip(c.Label)))
            return Task.FromResult(PromptRecognizerResult<List<string>>.Ok([]));
        var movements = options.Choices.Where(c => !vocabulary.IsSkip(c.Label)).ToList();
        var parts = Separator().Split(text).Where(p => p.Trim().Length > 0).ToList();
        // "1 3 5" is a list of numbers too.
        if (parts.Count == 1 && parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } numbers && numbers.All(x => x.All(char.IsAsciiDigit)))
            parts = [.. numbers];
        var picked = new List<string>();
        foreach (var part in parts)
        {
            if (ChoiceRecognizer.Recognize(part, movements) is not { } choice) return Task.FromResult(PromptRecognizerResult<List<string>>.Fail());
            if (!picked.Contains(choice.Value)) picked.Add(choice.Value);
        }
        return Task.FromResult(picked.Count > 0 ? PromptRecognizerResult<List<string>>.Ok(picked) : PromptRecognizerResult<List<string>>.Fail());
    }

    [GeneratedRegex(@"\s*(?:,|;|\+|&|\bvà\b|\bva\b|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();
}
