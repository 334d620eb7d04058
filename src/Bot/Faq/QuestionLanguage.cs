using Bot.Builder.Recognizers;
using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// Whether a question is English or Vietnamese: Vietnamese typed without accents looks like neither, so words are
/// counted. A word counts as English when it is a marker word (dialogs/faq/english.yaml) or known to the English
/// index but not the Vietnamese one; as Vietnamese when known to the Vietnamese index only. Any Vietnamese mark
/// (other than in a name) settles it faster: a question with several marked words is Vietnamese.
/// </summary>
internal sealed partial class QuestionLanguage(FaqIndex vietnamese, FaqIndex english, IEnumerable<string> markers, IEnumerable<string> names)
{
    private readonly HashSet<string> _markers = [.. markers.Select(VietnameseText.Fold)];

    // Place and plan names ("quang tri", "lai chau") are the same in both languages: they say nothing about it.
    private readonly HashSet<string> _neutral = [.. names.SelectMany(VietnameseText.Words)];

    public string Of(string question)
    {
        // A quoted name is the documents' own wording, not the member's language: "what did VGCL do under 'Ca nuoc
        // chung tay vi nguoi ngheo'" is English. What is left outside the quotes decides only when it is English: in
        // "what is the 'dual goal' (muc tieu kep)" the English is inside the quotes.
        var unquoted = Quoted().Replace(question, " ");
        if (unquoted != question && TextNormalizer.Words(unquoted).Count >= 2 && Count(unquoted) == Languages.English) return Languages.English;
        return Count(question);
    }

    private string Count(string question)
    {
        var words = TextNormalizer.Words(question);
        int marked = 0, en = 0, vi = 0;
        foreach (var word in words)
        {
            if (!char.IsLetter(word[0])) continue;
            var folded = VietnameseText.Fold(word);
            if (_neutral.Contains(folded)) continue;
            if (VietnameseText.HasDiacritics(word))
            {
                marked++;
                continue;
            }
            if (_markers.Contains(folded)) en++;
            else if (vietnamese.Knows(folded)) vi++;
            else if (english.KnowsEnglish(folded)) en++;
        }
        // Names keep their marks in English too ("who is Nguyễn Đình Khang"), so marks decide only when they dominate.
        if (marked >= 2 && marked >= en) return Languages.Vietnamese;
        return en > vi + marked ? Languages.English : Languages.Vietnamese;
    }

    // An opening quote after a space (or at the start), a closing one before a space or punctuation: "what's" and
    // "Tri's" are not quotes.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|\s)[""“'‘][^""”“‘'’]+[""”'’](?=$|[\s,.?!:;])")]
    private static partial System.Text.RegularExpressions.Regex Quoted();
}
