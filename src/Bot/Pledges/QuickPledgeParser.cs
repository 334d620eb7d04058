using System.Text.RegularExpressions;

namespace Bot.Pledges;

public enum QuickFailure { None, Empty, TooLong, InvalidCharacters, NotUnderstood }

/// <summary>What a one-message registration said: the fields found (as a quick draft) or why it could not be read.</summary>
public sealed record QuickParse(PledgeDraft Draft, QuickFailure Failure)
{
    public bool Understood => Failure == QuickFailure.None;
}

/// <summary>
/// Reads "/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT" and its many variants: a title by name or abbreviation
/// (with or without diacritics), "label: value" parts, and unlabelled parts told apart by their first words.
/// Anything it cannot place makes the whole message not understood, so nothing is guessed.
/// </summary>
public sealed partial class QuickPledgeParser(PledgeContent content)
{
    public const int MaxLength = 600;

    private readonly (string Id, string[] Words)[] _titles = Spellings(content.Form.Titles.Select(t => (t.Id, t.Spellings)));
    private readonly (string Id, string[] Words)[] _commendations =
        Spellings(content.Form.Commendations.Select(c => (c.Id, (IEnumerable<string>)[c.Name.Vi, c.Name.En])));
    private readonly (string Id, string[] Words)[] _labels =
        Spellings(content.Vocabulary.Labels.Select(l => (l.Key, (IEnumerable<string>)l.Value)));
    private readonly string[][] _fillers = Phrases(content.Vocabulary.RegisterWords.Concat(content.Vocabulary.FillerWords));
    private readonly string[][] _units = Phrases(content.Vocabulary.UnitWords);
    private readonly string[][] _positions = Phrases(content.Vocabulary.PositionWords);

    public QuickParse Parse(string? text)
    {
        var draft = new PledgeDraft { Quick = true };
        if (string.IsNullOrWhiteSpace(text)) return new(draft, QuickFailure.Empty);
        if (text.Length > MaxLength) return new(draft, QuickFailure.TooLong);
        if (text.Any(PledgeInput.IsForbidden)) return new(draft, QuickFailure.InvalidCharacters);

        var tokens = Tokenize(text);
        var labels = FindLabels(tokens);
        var free = tokens[..(labels.Count > 0 ? labels[0].Start : tokens.Count)];
        var ok = true;
        for (var i = 0; i < labels.Count && ok; i++)
        {
            var next = i + 1 < labels.Count ? labels[i + 1].Start : tokens.Count;
            // A name, position, unit or field ends at the next comma; what follows is read like the unlabelled part.
            // An initiative or commitment runs to the next label, since it may contain commas itself.
            var end = labels[i].Field is "initiative" or "commitment" ? next
                : Enumerable.Range(labels[i].ValueStart, Math.Max(0, next - labels[i].ValueStart)).FirstOrDefault(k => tokens[k].IsSeparator, next);
            free.AddRange(tokens[end..next]);
            var valueStart = labels[i].ValueStart < tokens.Count ? tokens[labels[i].ValueStart].Start : text.Length;
            var valueEnd = end < tokens.Count ? tokens[end].Start : text.Length;
            ok = Assign(draft, labels[i].Field, text[Math.Min(valueStart, valueEnd)..valueEnd].Trim().Trim(',', ';', '|', '-', '–').Trim());
        }
        ok = ok && ReadFree(text, free, draft);
        var anything = Enum.GetValues<PledgeField>().Any(draft.Has);
        return new(draft, ok && anything ? QuickFailure.None : QuickFailure.NotUnderstood);
    }

    /// <summary>"đăng ký …", "dang ky …", "đk …": a plain message that asks to register.</summary>
    public bool StartsWithRegisterWord(string text)
    {
        var key = PledgeText.Key(text);
        return content.Vocabulary.RegisterWords.Select(PledgeText.Key).Any(w => w.Length > 0 && (key == w || key.StartsWith(w + " ", StringComparison.Ordinal)));
    }

    /// <summary>True when the text says nothing but "đăng ký (thi đua)": start the guided form.</summary>
    public bool IsOnlyFillers(string text)
    {
        var words = Tokenize(text).Where(t => t.IsWord).ToList();
        return words.Count > 0 && StripFillers(words).Count == 0;
    }

    /// <summary>The part before any label: a title, a commendation form, then name / position / unit parts.</summary>
    private bool ReadFree(string text, List<Token> tokens, PledgeDraft draft)
    {
        var used = new bool[tokens.Count];
        var titles = Matches(tokens, used, _titles);
        if (titles.Distinct().Count() > 1) return false;
        draft.TitleId = titles.FirstOrDefault();
        var commendations = Matches(tokens, used, _commendations);
        if (commendations.Distinct().Count() > 1) return false;
        draft.CommendationId = commendations.FirstOrDefault();

        var segment = new List<Token>();
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !used[i] && tokens[i].IsWord)
            {
                segment.Add(tokens[i]);
                continue;
            }
            if (!Classify(text, StripFillers(segment), draft)) return false;
            segment.Clear();
        }
        return true;
    }

    private bool Classify(string text, List<Token> words, PledgeDraft draft)
    {
        if (words.Count == 0) return true;
        var original = text[words[0].Start..words[^1].End];
        var position = PrefixLength(words, 0, _positions);
        var unit = PrefixLength(words, 0, _units);
        if (position > 0 && position >= unit) return Assign(draft, "position", original);
        if (unit > 0) return Assign(draft, "unit", original);
        // "Nguyễn Văn An Tổ Cơ khí": a name followed, without a comma, by a unit or position.
        for (var j = 2; j < words.Count; j++)
        {
            if (PrefixLength(words, j, _units) == 0 && PrefixLength(words, j, _positions) == 0) continue;
            return IsNameShaped(words[..j]) && Assign(draft, "name", text[words[0].Start..words[j - 1].End]) && Classify(text, words[j..], draft);
        }
        return IsNameShaped(words) && Assign(draft, "name", original);
    }

    /// <summary>Stores a value under its field; false when it is invalid or the field was already given.</summary>
    private bool Assign(PledgeDraft draft, string field, string value)
    {
        switch (field)
        {
            case "name" when draft.FullName is null && PledgeInput.Name(value) is { Ok: true } name:
                draft.FullName = name.Value;
                return true;
            case "position" when draft.Position is null && PledgeInput.Text(value, PledgeField.Position) is { Ok: true } position:
                draft.Position = position.Value;
                return true;
            case "unit" when draft.Unit is null && PledgeInput.Text(value, PledgeField.Unit) is { Ok: true } unit:
                draft.Unit = unit.Value;
                return true;
            case "initiative" when draft.Initiative is null && PledgeInput.Text(value, PledgeField.Initiative) is { Ok: true } initiative:
                draft.Initiative = initiative.Value;
                return true;
            case "initiativeField" when draft.InitiativeField is null && PledgeInput.Text(value, PledgeField.InitiativeField) is { Ok: true } f:
                draft.InitiativeField = f.Value;
                return true;
            case "commitment" when draft.Commitment is null && PledgeInput.Text(value, PledgeField.Commitment) is { Ok: true } commitment:
                draft.Commitment = commitment.Value;
                return true;
            case "commendation" when draft.CommendationId is null:
                var key = PledgeText.Key(value);
                draft.CommendationId = _commendations.FirstOrDefault(c => string.Join(' ', c.Words) == key).Id;
                return draft.CommendationId is not null;
            default:
                return false;
        }
    }

    private static bool IsNameShaped(List<Token> words) =>
        words.Count is >= 2 and <= 7 && words.All(w => char.IsUpper(w.Text[0]) && !w.Text.Any(char.IsDigit));

    private List<Token> StripFillers(List<Token> words)
    {
        var start = 0;
        for (int n; start < words.Count && (n = PrefixLength(words, start, _fillers)) > 0;) start += n;
        return words[start..];
    }

    /// <summary>Marks every occurrence of a spelling (longest first) as used and returns the ids found.</summary>
    private static List<string> Matches(List<Token> tokens, bool[] used, (string Id, string[] Words)[] spellings)
    {
        var found = new List<string>();
        foreach (var (id, words) in spellings)
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                if (!Enumerable.Range(i, words.Length).All(k => !used[k] && tokens[k].IsWord && tokens[k].Key == words[k - i])) continue;
                for (var k = i; k < i + words.Length; k++) used[k] = true;
                found.Add(id);
            }
        return found;
    }

    private static int PrefixLength(List<Token> words, int at, string[][] phrases) =>
        phrases.Where(p => at + p.Length <= words.Count && p.Select((w, k) => words[at + k].Key == w).All(x => x))
            .Select(p => p.Length).DefaultIfEmpty(0).Max();

    private List<(int Start, int ValueStart, string Field)> FindLabels(List<Token> tokens)
    {
        var found = new List<(int, int, string)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var label = _labels.Where(l => i + l.Words.Length < tokens.Count && tokens[i + l.Words.Length].Text == ":" &&
                                           l.Words.Select((w, k) => tokens[i + k].IsWord && tokens[i + k].Key == w).All(x => x))
                .OrderByDescending(l => l.Words.Length).FirstOrDefault();
            if (label.Words is null) continue;
            found.Add((i, i + label.Words.Length + 1, label.Id));
            i += label.Words.Length;
        }
        return found;
    }

    private static List<Token> Tokenize(string text) =>
        [.. TokenPattern().Matches(text).Select(m => new Token(m.Value, m.Index, m.Index + m.Length, PledgeText.Key(m.Value)))];

    private static (string Id, string[] Words)[] Spellings(IEnumerable<(string Id, IEnumerable<string> Spellings)> items) =>
        [.. items.SelectMany(i => i.Spellings.Select(s => (i.Id, Words: PledgeText.Words(s)))).Where(x => x.Words.Length > 0)
            .OrderByDescending(x => x.Words.Length)];

    private static string[][] Phrases(IEnumerable<string> phrases) => [.. phrases.Select(PledgeText.Words).Where(w => w.Length > 0)];

    private sealed record Token(string Text, int Start, int End, string Key)
    {
        public bool IsWord => Key.Length > 0;
        public bool IsSeparator => !IsWord && Text != ":";
    }

    // Words (so "tỉnh/bộ" and "CSTĐ-CS" are two words each, as their spellings are), separators, a colon,
    // and a dash between spaces ("Trần Thị Bình - Phòng Kế toán - LĐTT").
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+|[,;|\n:]|(?<=\s)[-–](?=\s)")]
    private static partial Regex TokenPattern();
}
