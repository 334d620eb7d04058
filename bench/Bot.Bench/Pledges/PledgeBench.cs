using Bot.Bench.Faq;
using Bot.Builder.Activities;
using Bot.Builder.Recognizers;
using Bot.Pledges;

namespace Bot.Bench.Pledges;

/// <summary>
/// "pledges": how many member messages a quick registration understands — name, unit and title right (case and
/// diacritics ignored, against name/nameAlt and unit/unitAlt) with at most one follow-up question — how many are read
/// only partly, and how many are refused (or would not reach the registration at all, e.g. a plain message taken for a question).
/// </summary>
public static class PledgeBench
{
    private static readonly string[] DefaultSets = ["bench/data/pledge-messages.yaml", "bench/data/pledge-messages-sealed.yaml"];
    private static readonly HashSet<string> RegisterCommands = ["dangky", "dangki", "dang_ky", "pledge"];

    public static int Run(string[] args)
    {
        var root = EvalSet.RepositoryRoot();
        var sets = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        if (sets.Count == 0) sets = [.. DefaultSets.Where(s => File.Exists(Path.Combine(root, s)))];
        if (sets.Count == 0)
        {
            Console.Error.WriteLine($"No message sets: pass --set <file.yaml> (defaults: {string.Join(", ", DefaultSets)}).");
            return 2;
        }
        var content = PledgeContent.Load(Path.Combine(root, "dialogs"));
        var parser = new QuickPledgeParser(content);
        foreach (var set in sets)
        {
            var path = Path.IsPathRooted(set) ? set : Path.Combine(root, set);
            var messages = PledgeMessageSet.Load(path);
            var results = messages.Select(m => (Message: m, Result: Judge(parser, content, m))).ToList();
            int understood = results.Count(r => r.Result.Verdict == Verdict.Understood), partly = results.Count(r => r.Result.Verdict == Verdict.Partly);
            var refused = results.Count - understood - partly;
            Console.WriteLine($"{Path.GetRelativePath(root, path)}: {messages.Count} messages — understood {understood} ({Percent(understood, messages.Count)}), " +
                $"partly {partly}, refused {refused}; position right {results.Count(r => r.Result.PositionRight)}/{messages.Count}; " +
                $"parse {MicrosecondsPerMessage(parser, messages):0} µs per message");
            if (!args.Contains("--failures")) continue;
            foreach (var (message, result) in results.Where(r => r.Result.Verdict != Verdict.Understood))
                Console.WriteLine($"  {result.Verdict,-10} {message.Text.ReplaceLineEndings(" ⏎ ")}\n             read: {result.Read}");
        }
        return 0;
    }

    private enum Verdict { Understood, Partly, Refused }

    private sealed record Judgement(Verdict Verdict, string Read, bool PositionRight);

    private static Judgement Judge(QuickPledgeParser parser, PledgeContent content, PledgeMessage m)
    {
        if (RegistrationText(parser, m.Text) is not { } text) return new(Verdict.Refused, "not taken as a registration (command or FAQ)", false);
        if (parser.IsOnlyFillers(text)) return new(Verdict.Refused, "guided form from the start", false);
        var parsed = parser.Parse(text);
        var d = parsed.Draft;
        var read = $"name={d.FullName ?? "–"} position={d.Position ?? "–"} unit={d.Unit ?? "–"} title={d.TitleId ?? "–"} " +
                   $"commendation={d.CommendationId ?? "–"}{(parsed.Guessed.Count > 0 ? " guessed=" + string.Join(",", parsed.Guessed) : "")}";
        if (!parsed.Understood) return new(Verdict.Refused, $"refused ({parsed.Failure})", false);
        // Questions the form asks before the summary: the required name, position, unit and title that are missing.
        // (A title that needs an initiative also asks for it; those questions are not counted here.)
        var followUps = new[] { d.FullName, d.Position, d.Unit, d.TitleId }.Count(v => v is null);
        var right = Same(d.FullName, m.Name, m.NameAlt) && Same(d.Unit, m.Unit, m.UnitAlt) && SameTitle(content, d.TitleId, m.Title);
        var positionRight = Same(d.Position, m.Position, null);
        return new(right && followUps <= 1 ? Verdict.Understood : Verdict.Partly, read + $" follow-ups={followUps}", positionRight);
    }

    /// <summary>What the bot reads as a registration, as the router and the private-chat text handler do; null when it would not.</summary>
    private static string? RegistrationText(QuickPledgeParser parser, string message)
    {
        if (CommandLine.Parse(message) is { } line)
        {
            if (RegisterCommands.Contains(VietnameseText.Fold(line.Name))) return line.Args;
            var end = 0;
            while (end < line.Args.Length && char.IsLetter(line.Args[end])) end++;
            return end > 0 && RegisterCommands.Contains(VietnameseText.Fold(line.Name + line.Args[..end]))
                ? line.Args[end..].TrimStart(' ', ',', ':', ';', '-').Trim() : null;
        }
        return parser.IsPlainRegistration(message) ? message : null;
    }

    private static bool Same(string? actual, string? expected, string? alternative) =>
        expected is null ? actual is null : actual is not null && (Fold(actual) == Fold(expected) || (alternative is not null && Fold(actual) == Fold(alternative)));

    /// <summary>The expected title may be given by id ("ldtt") or by any spelling ("LĐTT", "Lao động tiên tiến").</summary>
    private static bool SameTitle(PledgeContent content, string? actual, string? expected)
    {
        if (expected is null) return actual is null;
        var id = content.Form.Titles.FirstOrDefault(t => t.Id == expected || t.Spellings.Any(s => Fold(s) == Fold(expected)))?.Id;
        return actual is not null && actual == (id ?? expected);
    }

    private static string Fold(string text) => string.Join(' ', VietnameseText.Words(text));

    private static double MicrosecondsPerMessage(QuickPledgeParser parser, List<PledgeMessage> messages)
    {
        const int rounds = 200;
        foreach (var m in messages) parser.Parse(m.Text); // warm-up
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var m in messages) parser.Parse(m.Text);
        return messages.Count == 0 ? 0 : clock.Elapsed.TotalMicroseconds / (rounds * messages.Count);
    }

    private static string Percent(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0.0} %";
}
