using System.ComponentModel.DataAnnotations;

namespace Bot.Faq;

/// <summary>
/// Section "Faq": when a question is answered, answered with "did you mean", or declined. Confidences are the
/// 0..1 coverage of <see cref="MatchConfidence"/>; the defaults were chosen by running the benchmark
/// (dotnet run -c Release --project bench/Bot.Bench -- faq), see docs/faq.md.
/// </summary>
public sealed class FaqOptions
{
    public const string Section = "Faq";

    /// <summary>Answer directly from this confidence up (if no other entry is within <see cref="AnswerMargin"/>).</summary>
    [Range(0.0, 1.0)]
    public double AnswerConfidence { get; set; } = 0.56;

    /// <summary>How far the best entry must lead the next one to be answered without asking "did you mean".</summary>
    [Range(0.0, 1.0)]
    public double AnswerMargin { get; set; } = 0.01;

    /// <summary>Also answered directly from this confidence up when the best item leads the next by <see cref="ClearMargin"/>.</summary>
    [Range(0.0, 1.0)]
    public double ClearConfidence { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double ClearMargin { get; set; } = 0.1;

    /// <summary>
    /// A question that names a plan ("Lai Châu", "Tổng Liên đoàn") and whose best item, of that plan, leads the next by
    /// <see cref="AnchoredMargin"/> is answered from this confidence up: a member who describes a fact in their own words
    /// shares few words with the documents, but the plan they name and the lead of one item say what they ask about.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AnchoredConfidence { get; set; } = 0.35;

    [Range(0.0, 1.0)]
    public double AnchoredMargin { get; set; } = 0.12;

    /// <summary>Below this the question is declined as outside the plans; between it and the answer level, "did you mean".</summary>
    [Range(0.0, 1.0)]
    public double SuggestConfidence { get; set; } = 0.40;

    /// <summary>"Did you mean" offers the candidates within this distance of the best one.</summary>
    [Range(0.0, 1.0)]
    public double SuggestWindow { get; set; } = 0.15;

    [Range(2, 5)]
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Subtracted from a plan passage's confidence, so a curated entry wins and quoting the plan needs a closer match.</summary>
    [Range(0.0, 1.0)]
    public double PassagePenalty { get; set; } = 0.2;

    /// <summary>Subtracted from a source paragraph (dialogs/sources/): the documents' own words, but not written as an answer.</summary>
    [Range(0.0, 1.0)]
    public double SourcePenalty { get; set; } = 0.15;

    /// <summary>A curated entry this close below a passage on top is answered instead of the passage (they usually hold the same fact).</summary>
    [Range(0.0, 0.5)]
    public double EntryTieWindow { get; set; } = 0.05;

    /// <summary>Subtracted from every candidate when a Vietnamese question capitalises a name no text holds ("Pháp", "Samsung").</summary>
    [Range(0.0, 1.0)]
    public double UnknownNamePenalty { get; set; } = 0.2;

    /// <summary>Subtracted instead of <see cref="SourcePenalty"/> when the question names the paragraph's document ("theo bài sơ kết khối…").</summary>
    [Range(0.0, 1.0)]
    public double NamedSourcePenalty { get; set; } = 0.1;

    /// <summary>Subtracted from an item that holds no date for a "when" question, no name for "who", no number for "how many".</summary>
    [Range(0.0, 1.0)]
    public double TypeMismatchPenalty { get; set; } = 0.1;

    /// <summary>An English question the English side cannot answer is tried in Vietnamese through dialogs/faq/glossary.yaml.</summary>
    public bool GlossaryFallback { get; set; } = true;

    /// <summary>Words of a question that are searched; the rest of a pasted essay is ignored.</summary>
    [Range(8, 200)]
    public int MaxQueryWords { get; set; } = 64;
}

internal sealed class FaqOptionsValidator : IValidateOptions<FaqOptions>
{
    public ValidateOptionsResult Validate(string? name, FaqOptions options) =>
        options.SuggestConfidence > options.AnswerConfidence
            ? ValidateOptionsResult.Fail($"{FaqOptions.Section}:SuggestConfidence ({options.SuggestConfidence}) must not exceed {FaqOptions.Section}:AnswerConfidence ({options.AnswerConfidence}).")
            : ValidateOptionsResult.Success;
}
