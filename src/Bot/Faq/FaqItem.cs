using Bot.Content;

namespace Bot.Faq;

public enum FaqItemKind { Entry, Passage }

/// <summary>
/// One answerable thing: a curated FAQ entry, or a passage of a plan (its theme, a content, a movement, a
/// phase, a task) used when no entry fits. Either way it carries its citation.
/// </summary>
public sealed record FaqItem
{
    public required string Id { get; init; }
    public required FaqItemKind Kind { get; init; }
    public string? PlanId { get; init; }

    /// <summary>What a "did you mean" choice shows.</summary>
    public required Localized Label { get; init; }

    public required Localized Answer { get; init; }
    public required Localized Source { get; init; }

    /// <summary>The plan document a passage is quoted from (entries name theirs in <see cref="Source"/>).</summary>
    public Localized? Document { get; init; }

    /// <summary>The years a source passage's document speaks of; a question naming one of them is not about another year.</summary>
    public IReadOnlySet<int> Years { get; init; } = new HashSet<int>();

    /// <summary>How members name a source passage's document in a question (<see cref="SourceFile.Names"/>).</summary>
    public IReadOnlyList<string> DocumentNames { get; init; } = [];

    /// <summary>What a passage is ("Nội dung 3", a movement's name): its quote alone does not always say.</summary>
    public Localized? Heading { get; init; }

    /// <summary>Indexed as the question side: the entry's phrasings, or a passage's heading.</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>Indexed with a lower weight: the answer or passage text.</summary>
    public required string Body { get; init; }

    /// <summary>The English side, searched when a member asks in English: phrasings, and the English answer or passage.</summary>
    public IReadOnlyList<string> QuestionsEn { get; init; } = [];

    public string BodyEn { get; init; } = "";

    /// <summary>A passage that is a whole paragraph of a source document: answered with its sentences that hold the fact.</summary>
    public bool Extractable { get; init; }

    /// <summary>How many of the last <see cref="Questions"/> are where a passage stands (its document and section), not questions it answers.</summary>
    public int ContextPhrasings { get; init; }

    /// <summary>An entry whose English answer shows its Vietnamese answer underneath (<see cref="FaqEntry.VietnameseUnderEnglish"/>).</summary>
    public bool VietnameseUnderEnglish { get; init; }
}
