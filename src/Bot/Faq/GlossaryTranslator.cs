using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>
/// English words of a question put into the Vietnamese words of the plans (dialogs/faq/glossary.yaml), so an
/// English question reaches a Vietnamese passage that has no English side. Words the glossary does not know stay as
/// they are: they are unknown to the Vietnamese index too, and so keep an off-topic question's coverage low.
/// </summary>
internal sealed class GlossaryTranslator
{
    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drop;
    private readonly int _longest;

    public GlossaryTranslator(GlossaryFile glossary, IEnumerable<string> stopWords)
    {
        foreach (var (english, vietnamese) in glossary.Terms)
        {
            var key = string.Join(' ', VietnameseText.Words(english));
            if (key.Length > 0 && !string.IsNullOrWhiteSpace(vietnamese)) _terms.TryAdd(key, vietnamese.Trim());
        }
        _drop = [.. stopWords.Select(VietnameseText.Fold)];
        _longest = _terms.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public bool IsEmpty => _terms.Count == 0;

    public string Translate(string question)
    {
        var words = VietnameseText.Words(question);
        var output = new List<string>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var matched = 0;
            for (var n = Math.Min(_longest, words.Length - i); n >= 1 && matched == 0; n--)
            {
                var key = n == 1 ? words[i] : string.Join(' ', words, i, n);
                if (_terms.TryGetValue(key, out var vietnamese) || (n == 1 && Singular(key) is { } one && _terms.TryGetValue(one, out vietnamese)))
                {
                    output.Add(vietnamese);
                    matched = n;
                }
            }
            if (matched == 0)
            {
                if (!_drop.Contains(words[i])) output.Add(words[i]);
                matched = 1;
            }
            i += matched;
        }
        return string.Join(' ', output);
    }

    private static string? Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') ? word[..^1] : null;
}
