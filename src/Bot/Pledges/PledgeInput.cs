using System.Globalization;
using System.Text;

namespace Bot.Pledges;

public enum InputProblem { None, Empty, InvalidCharacters, NoLetters, TooLong, TooShort, NameShape, Required }

public sealed record CheckedInput(string? Value, InputProblem Problem, int Limit = 0)
{
    public bool Ok => Problem == InputProblem.None;
}

/// <summary>Checks and tidies what members type: names, units and other free text. Nothing is stored that fails here.</summary>
public static class PledgeInput
{
    public const int MaxName = 50;

    public static readonly IReadOnlyDictionary<PledgeField, (int Min, int Max)> Lengths = new Dictionary<PledgeField, (int, int)>
    {
        [PledgeField.Name] = (2, MaxName),
        [PledgeField.Position] = (2, 80),
        [PledgeField.Unit] = (2, 120),
        [PledgeField.Initiative] = (5, 250),
        [PledgeField.InitiativeField] = (2, 100),
        [PledgeField.Commitment] = (2, 300),
    };

    /// <summary>Full name: 2–7 words of letters; each word gets a capital first letter ("nguyễn văn an" → "Nguyễn Văn An").</summary>
    public static CheckedInput Name(string? text)
    {
        var basic = Text(text, PledgeField.Name);
        if (!basic.Ok) return basic;
        var words = basic.Value!.Split(' ');
        if (words.Length is < 2 or > 7 || words.Any(w => !w.All(IsNameCharacter))) return new(null, InputProblem.NameShape);
        return new(string.Join(' ', words.Select(Capitalize)), InputProblem.None);
    }

    /// <summary>Free text of a field: no control characters, at least one letter, within the field's length.</summary>
    public static CheckedInput Text(string? text, PledgeField field)
    {
        var (min, max) = Lengths[field];
        if (string.IsNullOrWhiteSpace(text)) return new(null, InputProblem.Empty);
        if (text.Any(IsForbidden)) return new(null, InputProblem.InvalidCharacters);
        var tidy = Collapse(text);
        if (tidy.Length > max) return new(null, InputProblem.TooLong, max);
        if (!tidy.Any(char.IsLetter)) return new(null, InputProblem.NoLetters);
        if (tidy.Length < min) return new(null, InputProblem.TooShort, min);
        return new(tidy, InputProblem.None);
    }

    // Decomposed input (letter + combining mark) is still a letter to a reader.
    private static bool IsNameCharacter(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>Control characters and bidi overrides: invisible, and they can disguise a name in the officers' list.</summary>
    public static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var ch = char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string Capitalize(string word) =>
        word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
