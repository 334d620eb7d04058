using System.Globalization;
using Bot.Content;

namespace Bot.Movements;

internal static class PlanFormat
{
    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Finds a plan by id, by its number in the list, or by a word of its title ("quang tri").</summary>
    public static Plan? Pick(BotContent content, string args)
    {
        var wanted = Bot.Builder.Recognizers.VietnameseText.Fold(args);
        if (wanted.Length == 0) return null;
        if (content.FindPlan(wanted) is { } byId) return byId;
        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= content.Plans.Count)
            return content.Plans[n - 1];
        return content.Plans.FirstOrDefault(p =>
            Bot.Builder.Recognizers.VietnameseText.Fold(p.Title.Vi + " " + p.Issuer.Vi + " " + p.Id).Contains(wanted, StringComparison.Ordinal));
    }
}
