using Bot.Content;

namespace Bot.Faq;

/// <summary>dialogs/faq/&lt;topic&gt;.yaml: curated questions and answers (schema in dialogs/README.md).</summary>
public sealed class FaqFile
{
    public List<FaqEntry> Entries { get; set; } = [];
}

public sealed class FaqEntry
{
    public string Id { get; set; } = "";
    public string? Plan { get; set; }
    public List<string> Questions { get; set; } = [];

    /// <summary>English phrasings: what an English-speaking member types.</summary>
    public List<string> QuestionsEn { get; set; } = [];

    public Localized Answer { get; set; } = new();
    public Localized? Source { get; set; }

    /// <summary>
    /// An English answer quotes its Vietnamese answer underneath (the documents' names and dates as they are written);
    /// false for answers about the bot itself, where the Vietnamese adds nothing.
    /// </summary>
    public bool VietnameseUnderEnglish { get; set; } = true;
}

/// <summary>
/// dialogs/faq/synonyms.yaml: how members write (abbreviations, number words, spelling variants), and the
/// words the retrieval should treat specially (fillers, number contexts, the names of each plan).
/// </summary>
public sealed class SynonymFile
{
    public Dictionary<string, string> Abbreviations { get; set; } = [];
    public Dictionary<string, string> Numbers { get; set; } = [];
    public Dictionary<string, string> Variants { get; set; } = [];
    public NumberContext NumberContext { get; set; } = new();
    public List<string> Fillers { get; set; } = [];

    /// <summary>Dropped only as the last word ("là gì v", "mấy năm z"): elsewhere "v" may be a Roman five.</summary>
    public List<string> EndFillers { get; set; } = [];
    public List<string> QuestionWords { get; set; } = [];

    /// <summary>Words that with a plan's name still make no question ("kế hoạch Quảng Trị"): such a text is a topic.</summary>
    public List<string> TopicWords { get; set; } = [];
    public Dictionary<string, PlanNames> Plans { get; set; } = [];
}

/// <summary>How members name a plan ("quảng trị"), and the short label the bot uses for it in choices.</summary>
public sealed class PlanNames
{
    public Localized Label { get; set; } = new();
    public List<string> Names { get; set; } = [];
}

public sealed class NumberContext
{
    /// <summary>Words after which a number word is a number ("đợt một", "nội dung thứ năm").</summary>
    public List<string> Before { get; set; } = [];

    /// <summary>Words before which a number word is a number ("hai đợt", "năm nội dung").</summary>
    public List<string> After { get; set; } = [];
}
