using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>
/// An English answer keeps the documents' own words beside its translation: a member who reads English still talks
/// to a Vietnamese union, and a name ("Lao động tiên tiến", a movement, a theme) is only found again in its Vietnamese
/// wording. Each quoted name of the English text is followed by the quoted name of the Vietnamese text, when both
/// quote the same number of things (then they quote them in the same order; otherwise nothing is added).
/// </summary>
public static partial class EnglishOriginals
{
    public static string WithQuotedOriginals(string english, string vietnamese)
    {
        var en = Quote().Matches(english);
        var vi = Quote().Matches(vietnamese);
        if (en.Count == 0 || en.Count != vi.Count) return english;
        var i = 0;
        return Quote().Replace(english, m =>
        {
            var original = vi[i++].Value;
            // A name that is the same in both (a code, a proper name) is not repeated.
            return VietnameseText.Fold(original) == VietnameseText.Fold(m.Value) ? m.Value : $"{m.Value} ({original})";
        });
    }

    [GeneratedRegex("“[^”]{2,}”")]
    private static partial Regex Quote();
}
