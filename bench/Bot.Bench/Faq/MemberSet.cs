using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;
using YamlDotNet.RepresentationModel;

namespace Bot.Bench.Faq;

/// <summary>
/// A member question from bench/data/faq-members*.yaml, written from the seeds by someone who never saw the bot's
/// content: the facts a right answer must contain (each a string, or a list of alternatives), or what to do instead
/// ("decline", or "pointer": say the documents are silent and send the member to their grassroots union).
/// </summary>
public sealed record MemberQuestion(string Q, string Kind, string? Seed, IReadOnlyList<IReadOnlyList<string>> Facts, string? Expect)
{
    public bool MustDecline => Expect == "decline";
    public bool MustPoint => Expect == "pointer";

    /// <summary>
    /// Every fact (one of its alternatives) is in the text, ignoring case, marks, leading zeros and spacing. A date
    /// written as the documents do ("30/6/2021", "20/7", "22 tháng 02 năm 2021") is also held by the same date in
    /// English words ("30 June 2021", "20 July") or in digits: an English answer spells its dates out.
    /// </summary>
    public bool HeldBy(string text)
    {
        var folded = MemberSet.Comparable(text);
        return Facts.All(alternatives => alternatives.SelectMany(MemberSet.WithEnglishDate).Any(f => folded.Contains(MemberSet.Comparable(f), StringComparison.Ordinal)));
    }
}

public static partial class MemberSet
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The fact, and for a day/month(/year) date the same date in English words.</summary>
    public static IEnumerable<string> WithEnglishDate(string fact)
    {
        yield return fact;
        var m = DayMonth().Match(fact.Trim()) is { Success: true } numeric ? numeric : DayMonthInWords().Match(fact.Trim());
        if (m.Success && int.Parse(m.Groups[2].Value) is >= 1 and <= 12 and var month)
        {
            var (day, year) = (int.Parse(m.Groups[1].Value), m.Groups[3].Success ? m.Groups[3].Value : null);
            yield return $"{day} {Months[month - 1]}{(year is null ? "" : " " + year)}";
            yield return $"{day}/{month}{(year is null ? "" : "/" + year)}";
        }
    }

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})(?:/(\d{4}))?$")]
    private static partial Regex DayMonth();

    /// <summary>"22 tháng 02 năm 2021", as some documents write a date.</summary>
    [GeneratedRegex(@"^(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?$")]
    private static partial Regex DayMonthInWords();

    public static List<MemberQuestion> Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var list = new List<MemberQuestion>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode items) return list;
        foreach (var node in items.OfType<YamlMappingNode>())
        {
            string? Scalar(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
            var facts = new List<IReadOnlyList<string>>();
            if (node.Children.TryGetValue(new YamlScalarNode("facts"), out var f) && f is YamlSequenceNode factList)
                foreach (var fact in factList)
                    facts.Add(fact switch
                    {
                        YamlScalarNode one => [one.Value ?? ""],
                        YamlSequenceNode any => [.. any.OfType<YamlScalarNode>().Select(a => a.Value ?? "")],
                        _ => [],
                    });
            list.Add(new MemberQuestion(Scalar("q") ?? "", Scalar("kind") ?? "?", Scalar("seed"), facts, Scalar("expect")));
        }
        return list;
    }

    /// <summary>Folded, digits without leading zeros, punctuation and spacing dropped: "01/07/2021" = "1/7/2021".</summary>
    public static string Comparable(string text)
    {
        var folded = VietnameseText.Fold(Regex.Replace(text, "<[^>]+>", " "));
        folded = LeadingZero().Replace(folded, "$1");
        return Spacing().Replace(folded, "");
    }

    [GeneratedRegex(@"(?<![0-9])0+([0-9])")]
    private static partial Regex LeadingZero();

    [GeneratedRegex(@"[\s,.;:!?""“”«»()'\-–]+")]
    private static partial Regex Spacing();
}
