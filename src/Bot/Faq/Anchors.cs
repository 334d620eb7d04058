using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>
/// What a sentence and its translation share: names (capitalised words, compared without marks) and numbers, which a
/// translation keeps as they are. Used to find a sentence's counterpart when the two sides split differently.
/// </summary>
internal static partial class Anchors
{
    /// <summary>The index of the sentence in <paramref name="candidates"/> sharing the most anchors with <paramref name="sentence"/>, or -1.</summary>
    public static int Closest(string sentence, IReadOnlyList<string> candidates)
    {
        var anchors = Of(sentence);
        if (anchors.Count == 0) return -1;
        int best = -1, most = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var shared = Of(candidates[i]).Count(anchors.Contains);
            if (shared > most) (best, most) = (i, shared);
        }
        return best;
    }

    private static HashSet<string> Of(string text) =>
        [.. Token().Matches(text).Select(m => m.Value).Where(t => char.IsDigit(t[0]) || char.IsUpper(t[0])).Select(t => VietnameseText.Fold(t).ToLowerInvariant())];

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d/.\-]*")]
    private static partial Regex Token();
}
