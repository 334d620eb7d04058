using Bot.Faq;

namespace Bot.Bench.Faq;

internal static class Report
{
    public static void Print(string set, List<EvalQuestion> questions, FaqBench.Timed<FaqMatch> ours, FaqBench.Timed<string?> theirs)
    {
        var answerable = Indexes(questions, q => q.Expect is not null);
        var offTopic = Indexes(questions, q => q.Expect is null);
        var o = ours.Results;
        var b = theirs.Results;
        string Expect(int i) => questions[i].Expect!;

        Console.WriteLine();
        Console.WriteLine($"{set}: {questions.Count} questions, {answerable.Count} answerable, {offTopic.Count} off-topic");
        Console.WriteLine($"  {"",-52}{"Vietnamese analyzer",22}{"Baseline BM25",22}");
        Row("top-1 accuracy (answerable)", Share(answerable, i => o[i].First?.Id == Expect(i)), Share(answerable, i => b[i] == Expect(i)));
        Row("  answered directly with the right entry", Share(answerable, i => o[i].Answer?.Id == Expect(i)), Share(answerable, i => b[i] == Expect(i)));
        Row("  answered with a wrong entry", Share(answerable, i => o[i].Answer is { } a && a.Id != Expect(i)), Share(answerable, i => b[i] is { } a && a != Expect(i)));
        Row("\"did you mean\" rate (answerable)", Share(answerable, i => o[i].Outcome == FaqOutcome.DidYouMean), "-");
        Row("  right entry among the choices", Share(answerable, i => o[i].Outcome == FaqOutcome.DidYouMean && o[i].Items.Any(x => x.Id == Expect(i))), "-");
        Row("declined although answerable", Share(answerable, i => o[i].Outcome == FaqOutcome.Declined), Share(answerable, i => b[i] is null));
        Row("off-topic answered with plan content (false answers)", Share(offTopic, i => o[i].Outcome == FaqOutcome.Answer), Share(offTopic, i => b[i] is not null));
        Row("off-topic offered \"did you mean\"", Share(offTopic, i => o[i].Outcome == FaqOutcome.DidYouMean), "-");
        Row("latency per question p50 / p99", $"{ours.P50Micros:0} / {ours.P99Micros:0} µs", $"{theirs.P50Micros:0} / {theirs.P99Micros:0} µs");
    }

    /// <summary>How close to the thresholds the off-topic questions came, and the right answers that fell below.</summary>
    public static void PrintMargins(List<EvalQuestion> questions, IReadOnlyList<FaqMatch> results)
    {
        double Best(int i) => results[i].Candidates.Count > 0 ? results[i].Candidates[0].Confidence : 0;
        var off = Enumerable.Range(0, questions.Count).Where(i => questions[i].Expect is null).OrderByDescending(Best).Take(5);
        Console.WriteLine("  closest off-topic questions: " + string.Join("; ", off.Select(i => $"\"{questions[i].Q}\" {Best(i):0.00}")));
        var right = Enumerable.Range(0, questions.Count).Where(i => questions[i].Expect is { } e && results[i].First?.Id == e).Select(Best).Order().ToList();
        if (right.Count > 0)
            Console.WriteLine($"  confidence of right first candidates: min {right[0]:0.00}, 5th percentile {right[right.Count / 20]:0.00}, median {right[right.Count / 2]:0.00}");
    }

    public static void PrintFailures(List<EvalQuestion> questions, IReadOnlyList<FaqMatch> results)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var r = results[i];
            var ok = q.Expect is null ? r.Outcome == FaqOutcome.Declined : r.Outcome == FaqOutcome.Answer && r.Answer!.Id == q.Expect;
            if (ok) continue;
            var top = string.Join("  ", r.Candidates.Take(3).Select(c => $"{c.Item.Id}={c.Confidence:0.00}"));
            Console.WriteLine($"  [{r.Outcome}] \"{q.Q}\" expect {q.Expect ?? "decline"} | {top}");
        }
    }

    private static List<int> Indexes(List<EvalQuestion> questions, Func<EvalQuestion, bool> where) =>
        [.. Enumerable.Range(0, questions.Count).Where(i => where(questions[i]))];

    private static string Share(List<int> items, Func<int, bool> hit)
    {
        if (items.Count == 0) return "-";
        var n = items.Count(hit);
        return $"{100.0 * n / items.Count:0.0} % ({n}/{items.Count})";
    }

    private static void Row(string name, string ours, string theirs) => Console.WriteLine($"  {name,-52}{ours,22}{theirs,22}");
}
