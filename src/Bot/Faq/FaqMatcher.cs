namespace Bot.Faq;

public enum FaqOutcome { Answer, DidYouMean, Declined }

/// <summary>What to do with a question: answer one item, offer a few, or decline; with the ranked candidates for measuring.</summary>
public sealed record FaqMatch(FaqOutcome Outcome, IReadOnlyList<FaqItem> Items, IReadOnlyList<FaqCandidate> Candidates)
{
    /// <summary>The language the question was asked in (and matched in): the answer is given in it.</summary>
    public string Language { get; init; } = Content.Languages.Vietnamese;

    /// <summary>The index that matched it, to pick the sentences of a passage that hold what was asked.</summary>
    public FaqIndex? Index { get; init; }

    /// <summary>The question as matched (for an English question answered through the glossary: its Vietnamese words).</summary>
    public string Question { get; init; } = "";

    /// <summary>With an answer: an item as close as the answered one, offered beside it (one choice away).</summary>
    public IReadOnlyList<FaqItem> Also { get; init; } = [];

    public FaqItem? Answer => Outcome == FaqOutcome.Answer ? Items[0] : null;

    /// <summary>What the member sees first: the answer, or the first "did you mean" choice.</summary>
    public FaqItem? First => Items.Count > 0 ? Items[0] : null;
}

/// <summary>Turns ranked candidates into a decision with the thresholds in <see cref="FaqOptions"/>.</summary>
public static class FaqMatcher
{
    private const double IdentityPenalty = 0.5;
    private const double EchoPenalty = 0.15;
    private const double EchoShare = 0.4; // less than this share of the answer's words is new to the question

    // An item's answer is split into words once, not once per question (keyed by the answer text itself, so a reload's
    // new texts get their own entries and the old ones go with their items).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string[]> AnswerWords = new();

    private static bool Echoes(string answer, HashSet<string> asked)
    {
        var words = AnswerWords.GetValue(answer, a => Bot.Builder.Recognizers.VietnameseText.Words(a));
        // Counting stops as soon as the answer says enough that was not asked (most answers, within a few words).
        var enough = EchoShare * words.Length;
        var unasked = 0;
        foreach (var word in words)
            if (!asked.Contains(word) && ++unasked >= enough) return false;
        return words.Length > 0;
    }

    /// <param name="office">The office a "who holds it" question asks about, in the index's language (see <see cref="AnswerSentences.Office"/>).</param>
    public static FaqMatch Match(FaqIndex index, string question, FaqOptions options, QuestionType type = QuestionType.Other, AnswerSentences? facts = null, string[]? office = null)
    {
        // A question that names a document ("theo bài sơ kết khối thi đua…") asks what that document says: its
        // paragraphs are not held back behind the curated entries.
        var (found, searched) = index.SearchWithWords(question, max: 10);
        var ranked = found
            .Select(c => c.Item.Kind == FaqItemKind.Passage ? c with { Confidence = c.Confidence - PassagePenalty(index, c.Item, searched, options) } : c)
            // "khi nào" wants a date, "ai" a name, "bao nhiêu" a number: an item that holds none cannot be the answer,
            // however many of the question's words it shares.
            // The narrow kinds ("ai ký" wants a person, "ngày nào" a day) are surer signs than "ai" or "khi nào": twice the penalty.
            .Select(c => facts is not null && type != QuestionType.Other && !facts.Holds(c.Item.Answer.For(index.Language), type)
                ? c with { Confidence = c.Confidence - options.TypeMismatchPenalty * (type is QuestionType.Person or QuestionType.Day ? 2 : 1) } : c)
            // "Thủ tướng là ai" asks who holds the office: an item that mentions the office but names nobody in it
            // ("do Thủ tướng Chính phủ phát động") does not answer it, however well it covers the words.
            .Select(c => office is not null && !facts!.NamesHolder(c.Item.Answer.For(index.Language), office) ? c with { Confidence = c.Confidence - IdentityPenalty } : c)
            .ToList();
        // "mấy nội dung": when some item gives that count ("5 nội dung"), one that only holds a digit ("Nội dung 2") does not answer.
        if (type == QuestionType.HowMany && facts?.Counted.Of(question) is { } noun)
        {
            var counts = ranked.Where(c => facts.Counted.IsCountedIn(c.Item.Answer.For(index.Language), noun)).Select(c => c.Item).ToHashSet();
            if (counts.Count > 0)
                ranked = [.. ranked.Select(c => counts.Contains(c.Item) ? c : c with { Confidence = c.Confidence - options.TypeMismatchPenalty })];
        }
        // An item that only says the question back (a headline: "…: thực hiện mục tiêu kép" for "mục tiêu kép là gì")
        // covers every word and answers nothing.
        if (ranked.Count > 0)
        {
            var asked = Bot.Builder.Recognizers.VietnameseText.Words(question).ToHashSet(StringComparer.Ordinal);
            ranked = [.. ranked.Select(c => Echoes(c.Item.Answer.For(index.Language), asked) ? c with { Confidence = c.Confidence - EchoPenalty } : c)];
        }
        // "thủ đô của Pháp", "lương ở Samsung": a name no document holds makes the question about something else.
        if (index.Language == Bot.Content.Languages.Vietnamese && options.UnknownNamePenalty > 0 && index.Names.Strangers(question) > 0)
            ranked = [.. ranked.Select(c => c with { Confidence = c.Confidence - options.UnknownNamePenalty })];
        ranked = [.. ranked.OrderByDescending(c => c.Confidence).ThenByDescending(c => c.Score)];
        var plans = index.PlansNamed(question);
        var anchored = ranked.Count > 0 && ((plans.Count > 0 && (ranked[0].Item.PlanId is not { } plan || plans.Contains(plan)))
            || (ranked[0].Item.Kind == FaqItemKind.Passage && index.NamesDocument(ranked[0].Item, searched)));
        var match = Decide(ranked, options, anchored);
        return match with { Index = index, Language = index.Language, Question = question };
    }

    private static double PassagePenalty(FaqIndex index, FaqItem item, IReadOnlyList<string> searched, FaqOptions options) =>
        !item.Extractable ? options.PassagePenalty : index.NamesDocument(item, searched) ? options.NamedSourcePenalty : options.SourcePenalty;

    /// <param name="anchored">The question names a plan, and the best item is of that plan (or of none: a report, a general entry).</param>
    internal static FaqMatch Decide(List<FaqCandidate> ranked, FaqOptions options, bool anchored = false)
    {
        // A question naming a plan may be answered below the level where others are declined (see below).
        var floor = anchored ? Math.Min(options.SuggestConfidence, options.AnchoredConfidence) : options.SuggestConfidence;
        if (ranked.Count == 0 || ranked[0].Confidence < floor) return new FaqMatch(FaqOutcome.Declined, [], ranked);

        var best = ranked[0];
        // A paragraph and a curated entry often hold the same fact (an entry is written from the paragraph, and since
        // passages carry members' own questions they score alike): when an entry is as close as the paragraph on top,
        // the entry is the answer — shorter, in both languages — not a choice between the two.
        if (best.Item.Kind == FaqItemKind.Passage && ranked.FirstOrDefault(c => c.Item.Kind == FaqItemKind.Entry) is { } entry
            && best.Confidence - entry.Confidence <= options.EntryTieWindow)
        {
            ranked = [entry, .. ranked.Where(c => c != entry)];
            best = entry;
        }
        // A passage close to a curated entry is not an alternative worth asking about: the entry is the better answer.
        var rival = ranked.Skip(1).FirstOrDefault(c => c.Item.Kind == best.Item.Kind || best.Item.Kind == FaqItemKind.Passage);
        var clear = rival is null || best.Confidence - rival.Confidence >= options.AnswerMargin;
        if (best.Confidence >= options.AnswerConfidence && clear) return new FaqMatch(FaqOutcome.Answer, [best.Item], ranked);
        // Two items alike on top, both at the answer level: the first is answered and the other offered beside it. A
        // member who asked one thing reads an answer at once instead of choosing between two titles first.
        if (best.Confidence >= options.AnswerConfidence && rival!.Confidence >= options.AnswerConfidence)
            return new FaqMatch(FaqOutcome.Answer, [best.Item], ranked) { Also = [rival.Item] };
        // A long question full of context words ("theo bài sơ kết…, ai là…") covers less of itself, but one item far
        // ahead of every other is still the answer.
        var farAhead = rival is null || best.Confidence - rival.Confidence >= options.ClearMargin;
        if (best.Confidence >= options.ClearConfidence && farAhead) return new FaqMatch(FaqOutcome.Answer, [best.Item], ranked);
        // A paraphrase ("Lai Châu có kêu gọi mở những đợt đua riêng dịp lễ lớn không"): the member's own words are not the
        // documents', so every item covers little of them, but the plan they name and one item of it far ahead of the
        // rest say what they ask. Off-topic questions name no plan (measured over the member sets: docs/faq.md).
        var anchoredAhead = rival is null || best.Confidence - rival.Confidence >= options.AnchoredMargin;
        if (anchored && best.Confidence >= options.AnchoredConfidence && anchoredAhead) return new FaqMatch(FaqOutcome.Answer, [best.Item], ranked);
        if (best.Confidence < options.SuggestConfidence) return new FaqMatch(FaqOutcome.Declined, [], ranked);

        var entries = ranked.Count(c => c.Item.Kind == FaqItemKind.Entry && Offerable(c, best, options));
        var offered = ranked
            .Where(c => Offerable(c, best, options) && (c.Item.Kind == FaqItemKind.Entry || entries < 2))
            .Take(options.MaxSuggestions)
            .Select(c => c.Item)
            .ToList();
        return new FaqMatch(FaqOutcome.DidYouMean, offered, ranked);
    }

    private static bool Offerable(FaqCandidate c, FaqCandidate best, FaqOptions options) =>
        c.Confidence >= options.SuggestConfidence && best.Confidence - c.Confidence <= options.SuggestWindow;
}
