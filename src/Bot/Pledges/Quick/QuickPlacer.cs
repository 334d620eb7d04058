namespace Bot.Pledges;

/// <summary>
/// Decides which part is the name, the position and the unit. Sure readings first (a family name, a position word,
/// a unit word), then guesses, each recorded in <c>guessed</c> so the member confirms it in the summary:
/// capitalised words without a known family name, a unit that holds a name ("Tổ Cơ khí Nguyễn Văn An"),
/// a part without a unit word on its own between commas ("…, Cơ khí, …").
/// </summary>
internal sealed class QuickPlacer(QuickPartReader reader, QuickLabels labels, PledgeDraft draft, List<PledgeField> guessed, string text)
{
    public void Place(List<QuickPart> parts)
    {
        var left = new List<QuickPart>(parts);
        foreach (var part in Of(left, QuickPartKind.Free))
        {
            if (draft.FullName is not null) break;
            if (NameStart(part.Words) is not { } start || !labels.Assign(draft, "name", Words(part.Words[start..]))) continue;
            left.Remove(part);
            if (start > 0) guessed.Add(PledgeField.Name); // words before the name were dropped
        }
        foreach (var part in Of(left, QuickPartKind.Position))
        {
            if (!labels.Assign(draft, "position", Original(part.Words))) guessed.Add(PledgeField.Position);
            left.Remove(part);
        }
        var units = Of(left, QuickPartKind.Unit);
        // "to van dien, to han": without diacritics "to" is both the unit word and the family name Tô.
        if (draft.FullName is null && units.Count > 1 && units.FirstOrDefault(u => NameStart(u.Words) == 0) is { } named &&
            labels.Assign(draft, "name", Words(named.Words)))
        {
            guessed.Add(PledgeField.Name);
            units.Remove(named);
            left.Remove(named);
        }
        if (draft.FullName is null) GuessName(left, units);
        foreach (var part in units)
        {
            if (!labels.Assign(draft, "unit", Original(part.Words))) guessed.Add(PledgeField.Unit);
            left.Remove(part);
        }
        // Only beside a name or title: "/dangky hihi haha" is not a registration of the unit "Hihi Haha".
        if (draft.Unit is null && (draft.FullName ?? draft.TitleId) is not null &&
            Of(left, QuickPartKind.Free).FirstOrDefault(p => p.WholeSegment && p.Words.Count is >= 2 and <= 6) is { } lone &&
            labels.Assign(draft, "unit", Original(lone.Words)))
            guessed.Add(PledgeField.Unit);
    }

    private void GuessName(List<QuickPart> left, List<QuickPart> units)
    {
        // Capitalised words of letters, without a family name from names.yaml: probably a name.
        var capitalised = Of(left, QuickPartKind.Free).FirstOrDefault(p =>
            p.Words.Count is >= 2 and <= 7 && p.Words.All(w => w.Text.All(char.IsLetter) && char.IsUpper(w.Text[0])));
        if (capitalised is not null && labels.Assign(draft, "name", Words(capitalised.Words)))
        {
            guessed.Add(PledgeField.Name);
            left.Remove(capitalised);
            return;
        }
        // "Tổ Cơ khí Nguyễn Văn An": a unit followed by a name without a comma.
        foreach (var unit in units)
        {
            if (NameStart(unit.Words) is not (>= 2 and var start) || !labels.Assign(draft, "name", Words(unit.Words[start..]))) continue;
            unit.Words.RemoveRange(start, unit.Words.Count - start);
            guessed.Add(PledgeField.Name);
            return;
        }
    }

    /// <summary>Where a name that runs to the end of these words begins, or null.</summary>
    private int? NameStart(List<QuickToken> words)
    {
        for (var k = 0; k + 1 < words.Count; k++)
            if (reader.NameRunAt(words, k) == words.Count - k) return k;
        return null;
    }

    private static List<QuickPart> Of(List<QuickPart> parts, QuickPartKind kind) => [.. parts.Where(p => p.Kind == kind)];

    private static string Words(IEnumerable<QuickToken> words) => string.Join(' ', words.Select(w => w.Text));

    /// <summary>A unit or position as the member typed it, punctuation inside included ("Cty. CP Điện lực").</summary>
    private string Original(List<QuickToken> words) => text[words[0].Start..words[^1].End];
}
