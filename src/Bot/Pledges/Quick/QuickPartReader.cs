namespace Bot.Pledges;

internal enum QuickPartKind { Free, Position, Unit }

/// <summary>A run of words that belong together: a position ("Tổ phó"), a unit ("Tổ Hàn") or something else (a name, or noise).</summary>
internal sealed class QuickPart(QuickPartKind kind)
{
    public QuickPartKind Kind { get; set; } = kind;
    public List<QuickToken> Words { get; } = [];

    /// <summary>The only part of its comma-separated segment: "…, Cơ khí, …" is a unit even without a unit word.</summary>
    public bool WholeSegment { get; set; }
}

/// <summary>
/// Cuts one segment (the words between separators, titles and labels) into parts. Fillers and connectors ("em là",
/// "ở", "ạ") end a part and are dropped; a position or unit word starts a part; a family name after a position starts
/// a name ("Kỹ sư Nguyễn Văn An"). A unit keeps its own words even when they look like fillers ("Tổ Cho vay"), except
/// trailing noise ("tổ Điện ạ") and a register word ("tổ Điện đăng ký…").
/// </summary>
internal sealed class QuickPartReader(PledgeVocabulary vocabulary, PledgeNames names)
{
    private readonly PhraseList _fillers = new(vocabulary.FillerWords.Concat(vocabulary.RegisterWords));
    private readonly PhraseList _register = new(vocabulary.RegisterWords);
    private readonly PhraseList _connectors = new(vocabulary.UnitConnectorWords);
    private readonly PhraseList _positions = new(vocabulary.PositionWords);
    private readonly PhraseList _units = new(vocabulary.UnitWords);
    private readonly PhraseList _families = new(names.FamilyNames);
    private readonly PhraseList _middles = new(names.MiddleNames);
    private readonly PhraseList _pronouns = new(vocabulary.PronounWords);
    private readonly PhraseList _lookalikes = new(vocabulary.UnitWordLookalikes);

    public List<QuickPart> Read(List<QuickToken> words)
    {
        var parts = new List<QuickPart>();
        QuickPart? current = null;
        var afterConnector = false;
        void Close()
        {
            if (current is { Words.Count: > 0 }) parts.Add(current);
            current = null;
        }
        for (var i = 0; i < words.Count;)
        {
            var w = words[i];
            int p = _positions.Longest(words, i), u = UnitAt(words, i);
            if (current?.Kind == QuickPartKind.Unit)
            {
                var noise = Noise(words, i);
                if (noise > 0 && (_register.Longest(words, i) > 0 || OnlyNoiseFrom(words, i)) && !TrailingPronoun(words, i, current.Words)) { Close(); i += noise; continue; }
                // "Tổ Hàn tổ trưởng": a position that begins like a unit ends the unit; "Phòng Kế toán" stays one unit.
                if (p > u && u > 0) { Close(); current = Start(QuickPartKind.Position, words, ref i, p); continue; }
                current.Words.Add(w);
                i++;
                continue;
            }
            int filler = _fillers.Longest(words, i), connector = _connectors.Longest(words, i);
            // "la thi kim lien": without diacritics "la" is the family name La/Lã as well as "là"; a middle name after it decides.
            if (filler == 1 && _middles.Longest(words, i + 1) > 0 && _fillers.Longest(words, i + 1) <= 1 && NameRunAt(words, i) > 0) filler = connector = 0;
            // "ban tai chinh": without diacritics "ban" is both "bạn" and the unit word; with words after it, a unit.
            if (u > 0 && filler == u && _fillers.Longest(words, i + u) == 0) filler = 0;
            if (connector > 0 && connector >= filler) { Close(); afterConnector = true; i += connector; continue; }
            if (filler > 0) { Close(); i += filler; continue; }
            if (w.IsNumber) { Close(); i++; continue; } // a year or a phone number outside a unit carries no field
            if (!afterConnector && u == 0 && current?.Kind != QuickPartKind.Free && NameRunAt(words, i) is > 0 and var run && run > p)
            {
                Close();
                // a whole name, even "Đinh Văn Khoa" before "tổ …"; not "Quản đốc" (the family name Quản), a position as long
                parts.Add(Start(QuickPartKind.Free, words, ref i, run));
                continue;
            }
            if (p > 0 && p >= u)
            {
                afterConnector = false;
                var shared = SharedUnitWords(words, i, p);
                // "bác sĩ trưởng khoa", "thợ hàn trưởng ca": positions side by side are one position.
                if (current?.Kind == QuickPartKind.Position) { current.Words.AddRange(words.Skip(i).Take(p)); i += p; }
                else { Close(); current = Start(QuickPartKind.Position, words, ref i, p); }
                if (shared == 0) continue;
                Close();
                current = new QuickPart(QuickPartKind.Unit);
                current.Words.AddRange(words.Skip(i - shared).Take(shared));
                continue;
            }
            if (u > 0) { Close(); current = Start(QuickPartKind.Unit, words, ref i, u); afterConnector = false; continue; }
            if (current is null)
            {
                current = new QuickPart(afterConnector ? QuickPartKind.Unit : QuickPartKind.Free);
                afterConnector = false;
            }
            current.Words.Add(w);
            i++;
        }
        Close();
        if (parts.Count == 1) parts[0].WholeSegment = true;
        return parts;
    }

    public bool IsFamilyName(IReadOnlyList<QuickToken> words, int at) => _families.Longest(words, at) > 0 && !words[at].IsNumber;

    /// <summary>The length of a name starting here (a family name, then 1–4 more words of letters up to the next filler, unit or position), or 0.</summary>
    public int NameRunAt(IReadOnlyList<QuickToken> words, int at)
    {
        if (!IsFamilyName(words, at)) return 0;
        var end = at + 1;
        while (end < words.Count && words[end].Text.All(char.IsLetter) &&
               (GivenNameAt(words, at, end) || InName(words, at, end) ||
                (Noise(words, end) == 0 && _positions.Longest(words, end) == 0 && UnitAt(words, end) == 0))) end++;
        return end - at is >= 2 and <= 5 ? end - at : 0;
    }

    /// <summary>"Đinh Văn Khoa": the word after a family and a middle name is the given name, whatever else it could be.</summary>
    private bool GivenNameAt(IReadOnlyList<QuickToken> words, int at, int index) => index == at + 2 && _middles.Longest(words, at + 1) > 0;

    /// <summary>
    /// "Nguyễn Anh Tuấn", "Trần Văn Năm", "nguyen thi lan anh": a middle name (also as the last word), or a capitalised
    /// word inside a capitalised name, is part of the name although "anh" and "năm" are fillers elsewhere — unless a
    /// number follows ("… Năm 2021").
    /// </summary>
    private bool InName(IReadOnlyList<QuickToken> words, int at, int index) =>
        (index < at + 4 && _middles.Longest(words, index) > 0 && (index + 1 == words.Count || words[index + 1].Text.All(char.IsLetter)) &&
         _connectors.Longest(words, index) == 0 && _fillers.Longest(words, index) <= 1) ||
        (char.IsUpper(words[index].Text[0]) && words[index].Text.Skip(1).Any(char.IsLower) &&
         Enumerable.Range(at, index - at).All(k => char.IsUpper(words[k].Text[0])) && (index + 1 >= words.Count || !words[index + 1].IsNumber) &&
         _positions.Longest(words, index) == 0 && UnitAt(words, index) == 0);

    /// <summary>
    /// "trưởng khoa Dược": the unit word that ends a position also starts the unit when a word of letters follows it
    /// (the position is "Trưởng khoa", the unit "Khoa Dược"; "trưởng ca 3" stays a position); its length, or 0.
    /// </summary>
    private int SharedUnitWords(IReadOnlyList<QuickToken> words, int at, int length)
    {
        var end = at + length;
        if (end >= words.Count || !words[end].Text.All(char.IsLetter) || Noise(words, end) > 0 || _positions.Longest(words, end) > 0 ||
            (_units.Longest(words, end) > 0 && _lookalikes.Longest(words, end) == 0 && !NamesTheUnit(words, at + 1, end)) ||
            NameRunAt(words, end) > 0) return 0;
        for (var k = at + 1; k < end; k++)
            if (_units.Longest(words, k) == end - k) return end - k;
        return 0;
    }

    /// <summary>
    /// "trưởng bộ phận Kho vận": a capitalised unit word after a lower-case one, with nothing or a lower-case word after
    /// it, is the unit's name, not a unit of its own ("tổ trưởng công đoàn Tổ Hàn" has the unit "Tổ Hàn").
    /// </summary>
    private static bool NamesTheUnit(IReadOnlyList<QuickToken> words, int from, int end) =>
        !words.Skip(from).Take(end - from).Any(w => w.Text.Any(char.IsUpper)) && char.IsUpper(words[end].Text[0]) &&
        (end + 1 == words.Count || words[end + 1].Text.All(char.IsLower));

    /// <summary>
    /// "Tổ Tiếng Anh", "tổ tiếng anh ạ": a pronoun right after unit words, with at most end particles after it, is a word
    /// of the unit — unless the unit has capitals and the pronoun none ("tổ Điện anh ạ"); "tổ Điện em đăng ký", "tổ Điện
    /// em cảm ơn" still drop it with the wrapper.
    /// </summary>
    private bool TrailingPronoun(IReadOnlyList<QuickToken> words, int at, List<QuickToken> unit)
    {
        if (_pronouns.Longest(words, at) != 1) return false;
        if (!char.IsUpper(words[at].Text[0]) && unit.Any(w => w.Text.Any(char.IsUpper))) return false;
        for (var k = at + 1; k < words.Count; k++)
            if (_fillers.Longest(words, k) != 1 || _pronouns.Longest(words, k) > 0 || _register.Longest(words, k) > 0 || words[k].IsYear) return false;
        return true;
    }

    /// <summary>The words end inside a unit: "phòng Hành chính" (not "phòng Hành chính ạ", nor a name).</summary>
    public bool EndsWithUnit(List<QuickToken> words) => Read(words) is [.., { Kind: QuickPartKind.Unit } last] && last.Words[^1] == words[^1];

    /// <summary>
    /// The words can continue a unit after a dash: one part, nothing dropped, that is a unit ("Phân xưởng 2") or plain
    /// words ("Nhân sự") — not a position or filler, nor a name unless the name is given elsewhere ("Quản trị" starts
    /// like the family name Quản).
    /// </summary>
    public bool ContinuesUnit(List<QuickToken> words, bool nameElsewhere) =>
        Read(words) is [{ Kind: QuickPartKind.Free or QuickPartKind.Unit } part] && part.Words.Count == words.Count &&
        (part.Kind == QuickPartKind.Unit || nameElsewhere || NameRunAt(words, 0) == 0);

    public bool IsWholeUnit(List<QuickToken> words) => Read(words) is [{ Kind: QuickPartKind.Unit } part] && part.Words.Count == words.Count;

    public bool IsOnlyNoise(IReadOnlyList<QuickToken> words) => words.Count > 0 && OnlyNoiseFrom(words, 0);

    private int Noise(IReadOnlyList<QuickToken> words, int at) =>
        Math.Max(words[at].IsYear ? 1 : 0, Math.Max(_fillers.Longest(words, at), _connectors.Longest(words, at)));

    private bool OnlyNoiseFrom(IReadOnlyList<QuickToken> words, int at)
    {
        for (int n; at < words.Count; at += n)
            if ((n = Noise(words, at)) == 0) return false;
        return true;
    }

    /// <summary>A unit word with something after it: "Tổ Hàn" is a unit, a lone "tổ" is not.</summary>
    private int UnitAt(IReadOnlyList<QuickToken> words, int at)
    {
        var n = _units.Longest(words, at);
        return n > 0 && at + n < words.Count ? n : 0;
    }

    private static QuickPart Start(QuickPartKind kind, List<QuickToken> words, ref int i, int length)
    {
        var part = new QuickPart(kind);
        part.Words.AddRange(words.Skip(i).Take(length));
        i += length;
        return part;
    }
}
