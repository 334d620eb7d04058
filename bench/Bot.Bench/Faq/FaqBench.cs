using System.Diagnostics;
using System.Globalization;
using Bot.Content;
using Bot.Faq;

namespace Bot.Bench.Faq;

/// <summary>
/// "faq": accuracy, "did you mean" rate, off-topic false answers and latency of the FAQ on each labelled set,
/// next to the StandardAnalyzer BM25 baseline measured in the same run.
/// </summary>
public static class FaqBench
{
    private const int TimedRounds = 5;
    private const int WarmUpRounds = 4;

    public static int Run(string[] args)
    {
        var root = EvalSet.RepositoryRoot();
        var sets = Values(args, "--set").ToList();
        if (sets.Count == 0) sets = [.. new[] { "bench/faq-eval.yaml", "bench/faq-holdout.yaml" }.Where(s => File.Exists(Path.Combine(root, s)))];
        var dialogs = Values(args, "--dialogs").FirstOrDefault() ?? Path.Combine(root, "dialogs");
        var options = Options(Values(args, "--option"));
        var showFailures = args.Contains("--failures");
        var timed = !args.Contains("--no-timing");

        var content = BotContent.Load(new ContentOptions { Path = Path.GetFullPath(dialogs) });
        var catalog = FaqCatalog.Load(content);
        using var index = FaqIndex.Build(catalog, options.MaxQueryWords);
        using var baseline = new Baseline(catalog.Items.Where(i => i.Kind == FaqItemKind.Entry));
        Console.WriteLine($"FAQ index: {catalog.EntryCount} curated entries + {catalog.PassageCount} plan passages; " +
            $"thresholds answer {options.AnswerConfidence}, margin {options.AnswerMargin}, suggest {options.SuggestConfidence}; " +
            $"{Environment.ProcessorCount} cores, timing single-threaded, {TimedRounds} rounds per question.");

        foreach (var question in Values(args, "--explain"))
        {
            using var engine = FaqEngine.Build(catalog, options.MaxQueryWords);
            var side = engine.LanguageOf(question) == Languages.English ? engine.English : engine.Vietnamese;
            var match = engine.Ask(question, options);
            Console.WriteLine($"\n{question}  → {match.Outcome} ({side.Language}) {match.First?.Id}" + (engine.Sentences.Office(question) is { } office ? $" [asks who holds: {string.Join(' ', office)}]" : ""));
            Console.WriteLine($"type {engine.Sentences.TypeOf(question)}; after penalties: " + string.Join(", ", match.Candidates.Take(4).Select(c => FormattableString.Invariant($"{c.Item.Id} {c.Confidence:0.00}"))));
            foreach (var line in side.Explain(question)) Console.WriteLine(line);
            if (match.First is { } shown) Console.WriteLine("shown: " + new FaqReplies(content.Texts).Render(engine, shown, match.Language, match.Outcome == FaqOutcome.Answer ? match : null).Text);
        }
        if (args.Contains("--explain")) return 0;

        var members = Values(args, "--members").ToList();
        // The sealed set is run only when named with --members (its summary, never its failures): a default run
        // or a tuning run must not spend one of its few looks.
        if (members.Count == 0 && !args.Contains("--set"))
            members = [.. new[] { "bench/data/faq-members.yaml" }.Where(s => File.Exists(Path.Combine(root, s)))];
        if (members.Count > 0)
        {
            var building = Stopwatch.StartNew();
            using var engine = FaqEngine.Build(catalog, options.MaxQueryWords);
            var replies = new FaqReplies(content.Texts);
            Console.WriteLine($"English side: {engine.English.Count} items searchable in English; engine built in {building.ElapsedMilliseconds} ms (both sides, after one build above warmed the JIT)");
            foreach (var set in members)
            {
                var path = Path.IsPathRooted(set) ? set : Path.Combine(root, set);
                MemberBench.Run(Path.GetRelativePath(root, path), MemberSet.Load(path), engine, replies, options, timed,
                    showFailures && !path.Contains("sealed", StringComparison.Ordinal));
            }
            if (args.Contains("--members-only")) return 0;
        }

        var failed = false;
        foreach (var set in sets)
        {
            var path = Path.IsPathRooted(set) ? set : Path.Combine(root, set);
            var questions = EvalSet.Load(path);
            var unknown = questions.Where(q => q.Expect is not null && index.Find(q.Expect) is null).Select(q => q.Expect).Distinct().ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"{set}: unknown entry ids {string.Join(", ", unknown)}");
                failed = true;
                continue;
            }
            var ours = Measure(questions, q => FaqMatcher.Match(index, q, options), timed);
            var theirs = Measure(questions, baseline.Best, timed);
            Report.Print(Path.GetRelativePath(root, path), questions, ours, theirs);
            Report.PrintMargins(questions, ours.Results);
            if (showFailures) Report.PrintFailures(questions, ours.Results);
        }
        return failed ? 1 : 0;
    }

    public sealed record Timed<T>(IReadOnlyList<T> Results, double P50Micros, double P99Micros);

    private static Timed<T> Measure<T>(List<EvalQuestion> questions, Func<string, T> ask, bool timed)
    {
        var results = questions.Select(q => ask(q.Q)).ToList();
        if (!timed) return new Timed<T>(results, double.NaN, double.NaN);
        // Warm up until the tiered JIT has optimised the hot paths: steady state is what a running bot sees.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var q in questions) ask(q.Q);
            Thread.Sleep(100);
        }
        var times = new List<double>(questions.Count * TimedRounds);
        for (var round = 0; round < TimedRounds; round++)
            foreach (var q in questions)
            {
                var start = Stopwatch.GetTimestamp();
                ask(q.Q);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        times.Sort();
        return new Timed<T>(results, Percentile(times, 0.50), Percentile(times, 0.99));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static IEnumerable<string> Values(string[] args, string name)
    {
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i] == name) yield return args[i + 1];
    }

    /// <summary>"--option AnswerConfidence=0.62" tries a threshold without editing configuration.</summary>
    private static FaqOptions Options(IEnumerable<string> settings)
    {
        var options = new FaqOptions();
        foreach (var setting in settings)
        {
            var (name, value) = (setting.Split('=')[0], setting.Split('=')[1]);
            var property = typeof(FaqOptions).GetProperty(name) ?? throw new ArgumentException($"No option {name}");
            property.SetValue(options, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }
        return options;
    }
}
