using Bot.Builder.Activities;

namespace Bot.Builder.Recognizers;

/// <summary>Picks a choice by its number, its label or a synonym, or a diacritic-insensitive prefix of one.</summary>
public static class ChoiceRecognizer
{
    public static Choice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var input = string.Join(' ', VietnameseText.Words(text));
        if (input.Length == 0 || choices.Count == 0) return null;
        if (choices.FirstOrDefault(c => c.Value == text?.Trim()) is { } byValue) return byValue;
        var exact = choices.Where(c => Names(c).Any(name => name == input)).ToList();
        if (exact.Count == 1) return exact[0];
        // A number picks a choice only when it is the whole answer ("2", "số 2", "chọn 2"): "đợt 2" is a question.
        var words = VietnameseText.Words(text);
        var numberOnly = words.Length == 1 || (words.Length == 2 && words[0] is "so" or "chon" or "cau");
        if (numberOnly && NumberRecognizer.Recognize(text) is { } n && n >= 1 && n <= choices.Count)
            return choices[n - 1];
        var prefix = choices.Where(c => Names(c).Any(name => name.StartsWith(input, StringComparison.Ordinal))).ToList();
        if (input.Length >= 2 && prefix.Count == 1) return prefix[0];
        // "toi chon lao dong tien tien" — the label inside a longer answer, longest label first.
        var inside = choices
            .Select(c => (Choice: c, Name: Names(c).Where(name => name.Length >= 3 && $" {input} ".Contains($" {name} ", StringComparison.Ordinal)).MaxBy(x => x.Length)))
            .Where(x => x.Name is not null)
            .OrderByDescending(x => x.Name!.Length)
            .ToList();
        return inside.Count == 1 || (inside.Count > 1 && inside[0].Name!.Length > inside[1].Name!.Length) ? inside[0].Choice : null;
    }

    private static IEnumerable<string> Names(Choice c) =>
        new[] { c.Label }.Concat(c.Synonyms).Select(s => string.Join(' ', VietnameseText.Words(s))).Where(s => s.Length > 0);
}
