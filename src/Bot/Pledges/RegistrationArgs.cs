using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>"[plan] [đến dd/mm/yyyy]" after /mopdangky and "[plan]" after /dongdangky.</summary>
public static partial class RegistrationArgs
{
    public enum Problem { None, BadDate }

    public static (string PlanText, DateOnly? Until, Problem Problem) Parse(string args)
    {
        var folded = VietnameseText.Fold(args);
        var match = UntilPattern().Match(folded);
        if (!match.Success) return (folded, null, DatePattern().IsMatch(folded) ? Problem.BadDate : Problem.None);
        var ok = DateOnly.TryParseExact($"{match.Groups["d"].Value}/{match.Groups["m"].Value}/{match.Groups["y"].Value}", "d/M/yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var until);
        // The plan is picked from folded text anyway (ids, numbers, words of the title without diacritics).
        var planText = (folded[..match.Index] + " " + folded[(match.Index + match.Length)..]).Trim();
        return (planText, ok ? until : null, ok ? Problem.None : Problem.BadDate);
    }

    public static Plan? PickPlan(BotContent content, string planText) =>
        planText.Length == 0 ? null : Movements.PlanFormat.Pick(content, planText);

    [GeneratedRegex(@"(?:\bden\b|\buntil\b|\bto\b)?\s*(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})")]
    private static partial Regex UntilPattern();

    [GeneratedRegex(@"\d+[/.-]\d+")]
    private static partial Regex DatePattern();
}
