using System.Diagnostics;
using Bot.Content;
using Bot.Faq;

namespace Bot.Bench.Faq;

/// <summary>
/// "faq" on the member sets (bench/data/faq-members*.yaml): per kind of question, how often the reply a member
/// reads holds the asked fact, how often "did you mean" offers it first, and how many off-topic questions get plan
/// content. The sealed set is reported separately and was never looked at while tuning.
/// </summary>
internal static class MemberBench
{
    public static void Run(string name, List<MemberQuestion> questions, FaqEngine engine, FaqReplies replies, FaqOptions options, bool timed, bool showFailures)
    {
        // As in the chat: a message that is only small talk gets its short answer before the FAQ is asked.
        var results = questions.Select(q => engine.SmallTalk.Recognize(q.Q) is { } talk
            ? new Result(FaqOutcome.Declined, q.MustDecline, q.MustDecline, "smalltalk." + talk.Name, "")
            : Score(q, engine.Ask(q.Q, options), engine, replies)).ToList();
        IReadOnlyList<FaqCandidate> engines(MemberQuestion q) => engine.Ask(q.Q, options).Candidates;
        Console.WriteLine();
        Console.WriteLine($"{name}: {questions.Count} member questions");
        Console.WriteLine($"  {"kind",-14}{"n",5}{"right",16}{"top-1",16}{"did you mean",14}{"declined",10}{"wrong",8}");
        foreach (var group in questions.Select((q, i) => (q, r: results[i])).GroupBy(x => x.q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            Row(group.Key, [.. group.Select(x => x.r)]);
        var answerable = results.Where((_, i) => !questions[i].MustDecline).ToList();
        var vietnamese = results.Where((_, i) => !questions[i].MustDecline && questions[i].Kind != "english").ToList();
        var english = results.Where((_, i) => questions[i].Kind == "english").ToList();
        var decline = results.Where((_, i) => questions[i].MustDecline).ToList();
        Console.WriteLine(new string('-', 83));
        Row("vi answerable", vietnamese);
        Row("en answerable", english);
        Row("all answerable", answerable);
        var cut = questions.Select((q, i) => (q, i)).Count(x => results[x.i].ExcerptMissed);
        Console.WriteLine($"  answered from the right passage but the short answer left the fact out: {cut}");
        Console.WriteLine($"  off-topic/injection answered with plan content: {decline.Count(r => r.Outcome == FaqOutcome.Answer && !r.Honest)}/{decline.Count}" +
            $" (the honest \"the plans do not cover this, ask your CĐCS\": {decline.Count(r => r.Honest)})" +
            $" (\"did you mean\": {decline.Count(r => r.Outcome == FaqOutcome.DidYouMean)})");
        if (timed)
        {
            var (p50, p99) = Latency(questions, engine, options);
            Console.WriteLine($"  latency per question (match only, single thread) p50 {p50:0} µs, p99 {p99:0} µs");
        }
        if (Environment.GetEnvironmentVariable("FAQ_DUMP") is { Length: > 0 } dump && showFailures)
            File.WriteAllLines(dump, questions.Select((q, i) =>
            {
                var c = engines(q);
                return string.Join('\t', q.Kind.Replace("\t"," "), results[i].Outcome, results[i].Top1, c.Count > 0 ? c[0].Confidence.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "0",
                    c.Count > 1 ? c[1].Confidence.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "0", c.Count > 0 ? c[0].Item.Kind.ToString() : "-", c.Count > 1 ? c[1].Item.Kind.ToString() : "-", q.Q.Replace("\n", " ").Replace("\t", " "), (engine.Vietnamese.Explain(q.Q).FirstOrDefault() ?? "").Split("| plans: ").Last(), c.Count > 0 ? c[0].Item.PlanId ?? "-" : "-", c.Count > 0 ? c[0].Item.Id : "-", c.Count > 0 && !q.MustDecline && q.HeldBy(replies.Render(engine, c[0].Item, engine.Ask(q.Q, options).Language, null).Text));
            }));
        if (showFailures && Environment.GetEnvironmentVariable("FAQ_RECALL") is { Length: > 0 })
        {
            var ranks = new int[12];
            for (var i = 0; i < questions.Count; i++)
            {
                var q = questions[i];
                if (q.MustDecline || q.MustPoint || results[i].Right) continue;
                var m = engine.Ask(q.Q, options);
                var rank = m.Candidates.Select((c, k) => (c, k)).FirstOrDefault(x => q.HeldBy(replies.Render(engine, x.c.Item, m.Language, null).Text), (null!, 11)).Item2;
                ranks[Math.Min(rank, 11)]++;
                Console.WriteLine($"  R{rank} [{q.Kind}/{results[i].Outcome}{(results[i].ExcerptMissed ? "/cut" : "")}] {q.Q} | {string.Join(", ", m.Candidates.Take(3).Select(c => $"{c.Item.Id} {c.Confidence:0.00}"))}");
            }
            Console.WriteLine("  failures by rank of first right candidate: " + string.Join(' ', ranks.Select((n, k) => $"{k}:{n}")));
        }
        if (!showFailures) return;
        for (var i = 0; i < questions.Count; i++)
            if (!results[i].Right)
                Console.WriteLine($"  ✗ [{questions[i].Kind}/{results[i].Outcome}] {questions[i].Q} → {results[i].First ?? "-"} | {results[i].Shown}");
    }

    private sealed record Result(FaqOutcome Outcome, bool Right, bool Top1, string? First, string Shown, bool ExcerptMissed = false, bool Honest = false);

    private static Result Score(MemberQuestion q, FaqMatch match, FaqEngine engine, FaqReplies replies)
    {
        var language = match.Language;
        string Text(FaqItem item, FaqMatch? m) => replies.Render(engine, item, language, m).Text;
        var shown = match.Outcome == FaqOutcome.Answer ? Text(match.Items[0], match) : "";
        bool Holds(string text) => q.MustPoint ? Points(text) : !q.MustDecline && q.HeldBy(text);
        // The honest answer ("the plans do not cover this; ask your grassroots union") answers nothing from the plans:
        // for an off-topic question it is a refusal with a pointer, not plan content.
        var honest = match.Outcome == FaqOutcome.Answer && match.Items[0].Id == engine.Sentences.UnansweredEntry;
        var right = q.MustDecline ? match.Outcome == FaqOutcome.Declined || honest : match.Outcome == FaqOutcome.Answer && Holds(shown);
        var top1 = right || (!q.MustDecline && match.Outcome == FaqOutcome.DidYouMean && Holds(Text(match.Items[0], null)));
        var snippet = shown.Length > 140 ? shown[..140] + "…" : shown;
        var missed = !right && match.Outcome == FaqOutcome.Answer && !q.MustDecline && !q.MustPoint && Holds(Text(match.Items[0], null));
        return new Result(match.Outcome, right, top1, match.First?.Id, snippet.Replace('\n', ' '), missed, honest);
    }

    /// <summary>The honest answer for what the documents do not say: it sends the member to their grassroots union.</summary>
    private static bool Points(string text)
    {
        var folded = MemberSet.Comparable(text);
        return folded.Contains("congdoancoso", StringComparison.Ordinal) || folded.Contains("cdcs", StringComparison.Ordinal) || folded.Contains("grassrootsunion", StringComparison.Ordinal);
    }

    private static void Row(string name, List<Result> r)
    {
        string Share(Func<Result, bool> f) => r.Count == 0 ? "-" : $"{100.0 * r.Count(f) / r.Count:0.0} % ({r.Count(f)})";
        Console.WriteLine($"  {name,-14}{r.Count,5}{Share(x => x.Right),16}{Share(x => x.Top1),16}{r.Count(x => x.Outcome == FaqOutcome.DidYouMean),14}" +
            $"{r.Count(x => x.Outcome == FaqOutcome.Declined),10}{r.Count(x => !x.Top1 && x.Outcome != FaqOutcome.Declined),8}");
    }

    private static (double P50, double P99) Latency(List<MemberQuestion> questions, FaqEngine engine, FaqOptions options)
    {
        for (var round = 0; round < 4; round++)
        {
            foreach (var q in questions) engine.Ask(q.Q, options);
            Thread.Sleep(100);
        }
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var fastest = new double[questions.Count];
        Array.Fill(fastest, double.MaxValue);
        for (var round = 0; round < 5; round++)
            for (var i = 0; i < questions.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Ask(questions[i].Q, options);
                var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                times.Add(micros);
                fastest[i] = Math.Min(fastest[i], micros);
            }
        times.Sort();
        // Process CPU (GC included) per question: unlike wall time, it hardly moves when other work shares the cores.
        var cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / times.Count;
        Console.WriteLine($"  CPU per question (match only, process incl. GC): {cpuMicros:0} µs");
        // Allocation per question (one more pass, single thread): what a question costs the GC.
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var q in questions) engine.Ask(q.Q, options);
        Console.WriteLine($"  allocated per question (match only): {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / questions.Count:0} KB");
        // FAQ_ALLOC=1: the same, part by part (where a question's allocations come from).
        if (Environment.GetEnvironmentVariable("FAQ_ALLOC") is { Length: > 0 })
        {
            void Part(string name, Action<string> a)
            {
                var b = GC.GetAllocatedBytesForCurrentThread();
                foreach (var q in questions) a(q.Q);
                Console.WriteLine($"    {name}: {(GC.GetAllocatedBytesForCurrentThread() - b) / 1024.0 / questions.Count:0} KB");
            }
            Part("language", q => engine.LanguageOf(q));
            Part("type", q => engine.Sentences.TypeOf(q));
            Part("office", q => engine.Sentences.Office(q));
            Part("normalize", q => engine.Vietnamese.Normalizer.Normalize(q));
            Part("searched words vi", q => engine.Vietnamese.SearchedWords(q));
            Part("search vi (words + Lucene + coverage)", q => engine.Vietnamese.Search(q, 10));
            Part("search en", q => engine.English.Search(q, 10));
            Part("smalltalk", q => engine.SmallTalk.Recognize(q));
        }
        // FAQ_PROFILE_SECONDS=N: keep asking for N seconds, for a profiler attached from outside (perf, dotnet-trace).
        if (int.TryParse(Environment.GetEnvironmentVariable("FAQ_PROFILE_SECONDS"), out var seconds))
        {
            Console.WriteLine($"  profiling loop: pid {Environment.ProcessId}, {seconds} s");
            var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
            while (Stopwatch.GetTimestamp() < until)
                foreach (var q in questions) engine.Ask(q.Q, options);
        }
        // The questions that are slow every time (not just once, when the machine was busy): where to look first.
        foreach (var i in Enumerable.Range(0, questions.Count).OrderByDescending(i => fastest[i]).Take(3))
            Console.WriteLine($"  slowest (best of 5): {fastest[i]:0} µs  {questions[i].Kind}");
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.99 * times.Count) - 1)]);
    }
}
