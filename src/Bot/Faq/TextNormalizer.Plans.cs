using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>The plans a question names ("quảng trị" → quang-tri-2021), from synonyms.yaml `plans`.</summary>
public sealed partial class TextNormalizer
{
    /// <summary>"Quảng Trị", "kế hoạch lai châu": nothing but a plan's name (and question words) — a topic, not a question.</summary>
    public bool OnlyNamesPlans(string text, IReadOnlySet<string> questionWords)
    {
        var folded = Words(text).Select(VietnameseText.Fold).Where(w => !questionWords.Contains(w)).ToArray();
        if (folded.Length == 0) return false;
        var covered = new bool[folded.Length];
        foreach (var (_, name) in _planNames)
            for (var i = 0; i + name.Length <= folded.Length; i++)
                if (folded.AsSpan(i, name.Length).SequenceEqual(name)) Array.Fill(covered, true, i, name.Length);
        return covered.All(c => c);
    }

    /// <summary>The plans some words name ("quảng trị" → quang-tri-2021), compared without marks.</summary>
    public HashSet<string> PlansNamed(IReadOnlyList<string> words)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (_planNames.Count == 0) return named;
        var folded = words.Select(VietnameseText.Fold).ToArray();
        foreach (var (plan, name) in _planNames)
            for (var i = 0; i + name.Length <= folded.Length && !named.Contains(plan); i++)
                if (folded.AsSpan(i, name.Length).SequenceEqual(name)) named.Add(plan);
        return named;
    }

    /// <summary>
    /// The words without the names of <paramref name="plan"/> ("what does the Quang Tri plan say about …" → "what does
    /// the plan say about …"): inside that plan's passage every sentence stands in it, so its name picks no sentence.
    /// All the words when nothing else would be left.
    /// </summary>
    public IReadOnlyList<string> WithoutPlanName(IReadOnlyList<string> words, string plan)
    {
        var folded = words.Select(VietnameseText.Fold).ToArray();
        var named = new bool[folded.Length];
        foreach (var (_, name) in _planNames.Where(p => p.Plan == plan))
            for (var i = 0; i + name.Length <= folded.Length; i++)
                if (folded.AsSpan(i, name.Length).SequenceEqual(name)) Array.Fill(named, true, i, name.Length);
        var rest = words.Where((_, i) => !named[i]).ToList();
        return rest.Count > 0 ? rest : words;
    }
}
