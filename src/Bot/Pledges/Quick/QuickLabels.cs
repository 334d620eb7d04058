namespace Bot.Pledges;

/// <summary>
/// "label: value" parts ("họ tên: Phạm Thị Dung", "sáng kiến: …"). A name, position, unit or field ends at the next
/// separator; an initiative or commitment runs to the next label, since it may contain commas itself.
/// </summary>
internal sealed class QuickLabels(PledgeContent content)
{
    private readonly (string Field, string[] Words)[] _labels =
        [.. content.Vocabulary.Labels.SelectMany(l => l.Value.Select(s => (Field: l.Key, Words: PledgeText.Words(s)))).Where(x => x.Words.Length > 0)
            .OrderByDescending(x => x.Words.Length)];

    private readonly Dictionary<string, string> _commendations = content.Form.Commendations
        .SelectMany(c => new[] { c.Name.Vi, c.Name.En }.Select(s => (Key: PledgeText.Key(s), c.Id))).DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Id);

    /// <summary>Fills the labelled fields; returns the tokens left for the unlabelled reading (label parts become gaps).</summary>
    public List<QuickToken?> Read(string text, List<QuickToken> tokens, PledgeDraft draft, List<PledgeField> guessed, Func<List<QuickToken>, bool> unitGoesOn)
    {
        var free = tokens.Cast<QuickToken?>().ToList();
        var labels = Find(tokens);
        for (var i = 0; i < labels.Count; i++)
        {
            var next = i + 1 < labels.Count ? labels[i + 1].Start : tokens.Count;
            var (start, valueStart, field) = labels[i];
            var end = field is "initiative" or "commitment" ? next
                : Enumerable.Range(valueStart, Math.Max(0, next - valueStart)).FirstOrDefault(k => tokens[k].IsSeparator, next);
            // "Đơn vị: Phòng Hành chính - Nhân sự": a dash inside the unit does not end it.
            while (field == "unit" && end < next && tokens[end].IsDash && SeparatorAfter(tokens, end + 1, next) is var after && after > end + 1 &&
                   unitGoesOn(tokens[(end + 1)..after])) end = after;
            for (var k = start; k < end; k++) free[k] = null;
            if (end == valueStart) continue;
            var value = text[tokens[valueStart].Start..tokens[end - 1].End].Trim().Trim(',', ';', '|', '-', '–').Trim();
            if (!Assign(draft, field, value)) guessed.Add(FieldOf(field));
        }
        return free;
    }

    private static int SeparatorAfter(List<QuickToken> tokens, int from, int next) =>
        Enumerable.Range(from, Math.Max(0, next - from)).FirstOrDefault(k => !tokens[k].IsWord, next);

    public static PledgeField FieldOf(string label) => label switch
    {
        "name" => PledgeField.Name,
        "position" => PledgeField.Position,
        "unit" => PledgeField.Unit,
        "initiative" => PledgeField.Initiative,
        "initiativeField" => PledgeField.InitiativeField,
        "commendation" => PledgeField.Commendation,
        _ => PledgeField.Commitment,
    };

    /// <summary>Stores a value under its field, tidied; false when it is invalid or the field was already given.</summary>
    public bool Assign(PledgeDraft draft, string field, string value)
    {
        switch (field)
        {
            case "name" when draft.FullName is null && PledgeInput.Name(ProperName(value)) is { Ok: true } name:
                draft.FullName = name.Value;
                return true;
            case "position" when draft.Position is null && PledgeInput.Text(CapitaliseFirst(value), PledgeField.Position) is { Ok: true } position:
                draft.Position = position.Value;
                return true;
            case "unit" when draft.Unit is null && PledgeInput.Text(ProperUnit(value), PledgeField.Unit) is { Ok: true } unit:
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
                draft.CommendationId = _commendations.GetValueOrDefault(PledgeText.Key(value));
                return draft.CommendationId is not null;
            default:
                return false;
        }
    }

    /// <summary>"tran thi mai" → "Tran Thi Mai", "TRẦN THỊ MAI" → "Trần Thị Mai".</summary>
    public static string ProperName(string value) =>
        string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(QuickToken.ProperCase));

    /// <summary>A unit typed all in lower case gets capitals ("tổ điện" → "Tổ Điện"); one with any capital is kept as typed ("Tổ Cơ khí").</summary>
    public static string ProperUnit(string value) => value.Any(char.IsUpper) ? CapitaliseFirst(value) : QuickToken.CapitaliseWords(value);

    public static string CapitaliseFirst(string value) => value.Length == 0 ? value : QuickToken.CapitaliseWords(value[..1]) + value[1..];

    private List<(int Start, int ValueStart, string Field)> Find(List<QuickToken> tokens)
    {
        var found = new List<(int, int, string)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var label = _labels.Where(l => i + l.Words.Length < tokens.Count && tokens[i + l.Words.Length].Text == ":" &&
                                           l.Words.Select((w, k) => tokens[i + k].IsWord && tokens[i + k].Key == w).All(x => x))
                .FirstOrDefault();
            if (label.Words is null) continue;
            found.Add((i, i + label.Words.Length + 1, label.Field));
            i += label.Words.Length;
        }
        return found;
    }
}
