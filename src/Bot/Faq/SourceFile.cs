using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// dialogs/sources/&lt;NNN&gt;-&lt;slug&gt;.yaml: one source document, verbatim, as passages with an English
/// translation, so a fact that no curated entry holds can still be found and quoted (schema in dialogs/sources/README.md).
/// </summary>
public sealed class SourceFile
{
    public string Seed { get; set; } = "";
    public string? Plan { get; set; }
    public DateOnly? Published { get; set; }
    public Localized? Document { get; set; }

    /// <summary>How members name the document in a question ("bài sơ kết khối", "hội nghị cụm 5 thành phố"), either language.</summary>
    public List<string> Names { get; set; } = [];

    public List<SourcePassage> Passages { get; set; } = [];
}

public sealed class SourcePassage
{
    public Localized? Section { get; set; }
    public Localized? Topic { get; set; }
    public Localized? Text { get; set; }

    /// <summary>
    /// Questions a member would ask that this passage answers, in members' own words (optional): searched like a
    /// curated entry's phrasings, so a question that shares no word with the document's wording can still reach it.
    /// </summary>
    public PassageAsks? Asks { get; set; }
}

public sealed class PassageAsks
{
    public List<string> Vi { get; set; } = [];
    public List<string> En { get; set; } = [];
}

/// <summary>
/// dialogs/faq/english.yaml: how English questions are read (words that carry no topic, question words, number words,
/// the names members use for each plan), and dialogs/faq/glossary.yaml: English words for the Vietnamese ones.
/// </summary>
public sealed class EnglishFile
{
    public List<string> StopWords { get; set; } = [];
    public List<string> QuestionWords { get; set; } = [];
    public List<string> Fillers { get; set; } = [];
    public Dictionary<string, string> Numbers { get; set; } = [];

    /// <summary>Words rewritten before searching, on both sides ("july" → "7", so "20 July" meets "20/7").</summary>
    public Dictionary<string, string> Variants { get; set; } = [];
    public NumberContext NumberContext { get; set; } = new();
    public Dictionary<string, List<string>> Plans { get; set; } = [];

    /// <summary>Names that are the same in both languages ("ha noi", "viet nam"): they tell neither language.</summary>
    public List<string> Neutral { get; set; } = [];

    /// <summary>Words that make a text English rather than Vietnamese typed without accents.</summary>
    public List<string> Markers { get; set; } = [];
}

public sealed class GlossaryFile
{
    public Dictionary<string, string> Terms { get; set; } = [];
}
