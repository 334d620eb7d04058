using System.Runtime.CompilerServices;

namespace Bot.Faq;

/// <summary>
/// How members name a report in a question ("bài sơ kết khối", "hội nghị cụm 5 thành phố", <see cref="SourceFile.Names"/>),
/// as one index searches them: a name is found when its searched words stand together in the question's.
/// </summary>
internal sealed class DocumentNames(Func<string, IReadOnlyList<string>> searchedWords)
{
    // Worked out once per document (the list is shared by its passages), not once per question.
    private readonly ConditionalWeakTable<IReadOnlyList<string>, List<IReadOnlyList<string>>> _names = new();

    public bool Named(FaqItem item, IReadOnlyList<string> searched)
    {
        if (item.DocumentNames.Count == 0 || searched.Count == 0) return false;
        var names = _names.GetValue(item.DocumentNames, n => [.. n.Select(searchedWords).Where(w => w.Count > 0)]);
        foreach (var name in names)
            for (var i = 0; i + name.Count <= searched.Count; i++)
                if (StartsAt(searched, i, name)) return true;
        return false;
    }

    private static bool StartsAt(IReadOnlyList<string> words, int at, IReadOnlyList<string> name)
    {
        for (var j = 0; j < name.Count; j++)
            if (!string.Equals(words[at + j], name[j], StringComparison.Ordinal)) return false;
        return true;
    }
}
