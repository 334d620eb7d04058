using Bot.Builder.Recognizers;

namespace Bot.Web.Unanswered;

/// <summary>Questions that share most of their words, as one line: how often, the wording seen most, the latest.</summary>
public sealed record QuestionGroup(string Example, int Count, int Declined, DateTimeOffset Last, IReadOnlyList<string> Wordings);

/// <summary>
/// Groups questions by similarity: words folded (no diacritics, lower case), and two questions go together when their
/// word sets overlap by at least <see cref="Threshold"/> (Jaccard). Greedy, newest first: enough for a few thousand.
/// </summary>
public static class QuestionGroups
{
    public const double Threshold = 0.5;

    public static IReadOnlyList<QuestionGroup> Of(IReadOnlyList<UnansweredQuestion> questions)
    {
        var groups = new List<(HashSet<string> Words, List<UnansweredQuestion> Items)>();
        foreach (var q in questions)
        {
            var words = VietnameseText.Words(q.Text).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
            if (words.Count == 0) continue;
            var home = groups.FirstOrDefault(g => Similarity(g.Words, words) >= Threshold);
            if (home.Items is null) groups.Add((words, [q]));
            else home.Items.Add(q);
        }
        return [.. groups
            .Select(g => new QuestionGroup(
                g.Items.GroupBy(i => i.Text, StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Count()).First().Key,
                g.Items.Count,
                g.Items.Count(i => i.Outcome == nameof(Faq.FaqOutcome.Declined)),
                g.Items.Max(i => i.At),
                [.. g.Items.Select(i => i.Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(5)]))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Last)];
    }

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}
