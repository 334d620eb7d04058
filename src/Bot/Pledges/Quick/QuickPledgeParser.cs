namespace Bot.Pledges;

public enum QuickFailure { None, Empty, TooLong, InvalidCharacters, NotUnderstood }

/// <summary>
/// What a one-message registration said: the fields found (as a quick draft) or why it could not be read.
/// <paramref name="Guessed"/> names the fields read with doubt (and <see cref="PledgeField.Title"/> when two titles
/// were named): the member sees them in the summary, or is asked for them, before anything is saved.
/// </summary>
public sealed record QuickParse(PledgeDraft Draft, QuickFailure Failure, IReadOnlyList<PledgeField> Guessed)
{
    public QuickParse(PledgeDraft draft, QuickFailure failure) : this(draft, failure, []) { }

    public bool Understood => Failure == QuickFailure.None;
}

/// <summary>
/// Reads "/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT" and the many ways members write it: any case, with or without
/// diacritics, any separator, the title anywhere, "label: value" parts, conversational wrappers, a position before
/// the unit, trailing years and noise. It places what it can and guesses the rest (the summary shows every guess);
/// only a message with nothing usable — no title, name, unit or labelled field — is not understood.
/// </summary>
public sealed class QuickPledgeParser(PledgeContent content)
{
    public const int MaxLength = 600;

    private readonly (string Id, string[] Words)[] _titles = Spellings(content.Form.Titles.Select(t => (t.Id, t.Spellings)));
    private readonly (string Id, string[] Words)[] _commendations =
        Spellings(content.Form.Commendations.Select(c => (c.Id, (IEnumerable<string>)[c.Name.Vi, c.Name.En])));
    private readonly QuickLabels _labels = new(content);
    private readonly QuickPartReader _reader = new(content.Vocabulary, content.Names);
    private readonly PhraseList _register = new(content.Vocabulary.RegisterWords);
    private readonly PhraseList _questions = new(content.Vocabulary.QuestionWords);
    private readonly PhraseList _leads = new(content.Vocabulary.CommendationLeadWords);
    private readonly PhraseList _tails = new(content.Vocabulary.CommendationTailWords);

    public QuickParse Parse(string? text)
    {
        var draft = new PledgeDraft { Quick = true };
        if (string.IsNullOrWhiteSpace(text)) return new(draft, QuickFailure.Empty);
        if (text.Length > MaxLength) return new(draft, QuickFailure.TooLong);
        if (text.Any(PledgeInput.IsForbidden)) return new(draft, QuickFailure.InvalidCharacters);

        var tokens = QuickToken.Split(text);
        var guessed = new List<PledgeField>();
        var free = _labels.Read(text, tokens, draft, guessed, LabelledUnitGoesOn);
        ReadTitles(free, draft, guessed);
        var parts = JoinDashed(Segments(free).ToList()).SelectMany(_reader.Read).ToList();
        new QuickPlacer(_reader, _labels, draft, guessed, text).Place(parts);
        var anything = Enum.GetValues<PledgeField>().Any(draft.Has);
        return new(draft, anything ? QuickFailure.None : QuickFailure.NotUnderstood, [.. guessed.Distinct()]);
    }

    /// <summary>"đăng ký …", "dang ky …", "đk …": a plain message that asks to register.</summary>
    public bool StartsWithRegisterWord(string text)
    {
        var words = Words(text);
        return words.Count > 0 && _register.Longest(words, 0) > 0;
    }

    /// <summary>
    /// "đăng ký thi đua như thế nào?", "đăng ký LĐTT hạn chót khi nào": a question about registering, for the FAQ.
    /// A question word beside a sure name and title is not one ("…, Tổ Sao Mai, LĐTT").
    /// </summary>
    public bool IsQuestion(string text) => text.TrimEnd().EndsWith('?') || (_questions.ContainsAnywhere(Words(text)) && !IsSure(Parse(text)));

    /// <summary>
    /// Plain text (private chat) that is a registration: no question, and it starts with a register word ("đăng ký …",
    /// "dk …") or holds a sure name, a unit and a title ("Nguyễn Văn An, Tổ Cơ khí, LĐTT" — no FAQ question looks like that).
    /// </summary>
    public bool IsPlainRegistration(string text) =>
        !IsQuestion(text) && (StartsWithRegisterWord(text) || Parse(text) is { Draft.Unit: not null } parsed && IsSure(parsed));

    private static bool IsSure(QuickParse parsed) =>
        parsed is { Understood: true, Draft: { FullName: not null, TitleId: not null } } && !parsed.Guessed.Contains(PledgeField.Name);

    /// <summary>True when the text says nothing but "đăng ký (thi đua) giúp em": start the guided form.</summary>
    public bool IsOnlyFillers(string text) => _reader.IsOnlyNoise(Words(text));

    private static List<QuickToken> Words(string text) => [.. QuickToken.Split(text).Where(t => t.IsWord)];

    /// <summary>Titles and commendation forms anywhere in the free text; they are cut out, ending the parts around them.</summary>
    private void ReadTitles(List<QuickToken?> free, PledgeDraft draft, List<PledgeField> guessed)
    {
        var titles = new List<string>();
        Cut(free, _titles, titles);
        titles = [.. titles.Distinct()];
        if (titles.Count > 1) guessed.Add(PledgeField.Title); // "LĐTT, CSTĐCS": the form asks which one
        else if (draft.TitleId is null) draft.TitleId = titles.FirstOrDefault();
        var commendations = new List<string>();
        foreach (var (start, length) in Cut(free, _commendations, commendations).Distinct().ToList())
        {
            CutLead(free, start);
            CutTail(free, start + length);
        }
        if (commendations.Distinct().Count() == 1) draft.CommendationId ??= commendations[0];
    }

    /// <summary>"đề nghị Bằng khen", "mong muốn Giấy khen": the words that lead to a commendation go with it, not to a unit.</summary>
    private void CutLead(List<QuickToken?> free, int start)
    {
        for (var length = Math.Min(start, 4); length > 0; length--)
        {
            var words = free.Skip(start - length).Take(length).ToList();
            if (!words.All(t => t is { IsWord: true }) || _leads.Longest([.. words.Cast<QuickToken>()], 0) != length) continue;
            for (var k = start - length; k < start; k++) free[k] = null;
            return;
        }
    }

    /// <summary>"Bằng khen của UBND tỉnh", "giấy khen cấp tổng công ty": who gives it goes with it, to the next separator.</summary>
    private void CutTail(List<QuickToken?> free, int end)
    {
        var words = free.Skip(end).TakeWhile(t => t is { IsWord: true }).Cast<QuickToken>().ToList();
        if (_tails.Longest(words, 0) == 0) return;
        for (var k = end; k < end + words.Count; k++) free[k] = null;
    }

    /// <summary>"Đơn vị: Phòng Hành chính - Nhân sự": words after a dash that continue the labelled unit (no title or commendation in them).</summary>
    private bool LabelledUnitGoesOn(List<QuickToken> words)
    {
        List<QuickToken?> copy = [.. words];
        return Cut(copy, _titles, []).Count == 0 && Cut(copy, _commendations, []).Count == 0 && _reader.ContinuesUnit(words, false);
    }

    /// <summary>Every occurrence of a spelling (longest first, folded) is replaced by a gap; adds the ids found, returns where.</summary>
    private static List<(int Start, int Length)> Cut(List<QuickToken?> tokens, (string Id, string[] Words)[] spellings, List<string> found)
    {
        var starts = new List<(int, int)>();
        foreach (var (id, words) in spellings)
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                if (!Enumerable.Range(i, words.Length).All(k => tokens[k] is { IsWord: true } t && t.Key == words[k - i])) continue;
                for (var k = i; k < i + words.Length; k++) tokens[k] = null;
                found.Add(id);
                starts.Add((i, words.Length));
            }
        return starts;
    }

    /// <summary>The words between separators, labels, titles and anything else that is not a word; each says whether a dash alone came before it.</summary>
    private static IEnumerable<(List<QuickToken> Words, bool AfterDash)> Segments(List<QuickToken?> tokens)
    {
        var segment = new List<QuickToken>();
        var afterDash = false;
        foreach (var token in tokens.Append(null))
        {
            if (token is { IsWord: true })
            {
                segment.Add(token);
                continue;
            }
            if (segment.Count > 0) yield return (segment, afterDash);
            afterDash = segment.Count > 0 && token is { IsDash: true };
            segment = [];
        }
    }

    /// <summary>
    /// "phòng Hành chính - Nhân sự", "Tổ Cơ khí - Phân xưởng 2": a spaced dash usually separates fields, but plain
    /// words (no name, position, title or filler) or a whole unit after it continue the unit before it. Capitalised words could be a name without a known
    /// family name ("Tổ Cơ khí - Thanh Tâm"), so they join only when the message has a sure name elsewhere; then even
    /// words that start like a name join ("Phòng Hành chính - Quản trị").
    /// </summary>
    private List<List<QuickToken>> JoinDashed(List<(List<QuickToken> Words, bool AfterDash)> segments)
    {
        var named = segments.Select(s => Enumerable.Range(0, s.Words.Count).Any(k => _reader.NameRunAt(s.Words, k) > 0)).ToList();
        var joined = new List<List<QuickToken>>();
        for (var i = 0; i < segments.Count; i++)
        {
            var (words, afterDash) = segments[i];
            var nameElsewhere = named.Where((_, k) => k != i).Any(x => x);
            if (afterDash && joined.Count > 0 && _reader.EndsWithUnit(joined[^1]) && _reader.ContinuesUnit(words, nameElsewhere) &&
                (nameElsewhere || !words.All(w => char.IsUpper(w.Text[0])) || _reader.IsWholeUnit(words)))
                joined[^1] = [.. joined[^1], .. words];
            else joined.Add(words);
        }
        return joined;
    }

    private static (string Id, string[] Words)[] Spellings(IEnumerable<(string Id, IEnumerable<string> Spellings)> items) =>
        [.. items.SelectMany(i => i.Spellings.Select(s => (i.Id, Words: PledgeText.Words(s)))).Where(x => x.Words.Length > 0)
            .OrderByDescending(x => x.Words.Length)];
}
