using Bot.Builder.Recognizers;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>dialogs/pledge/form.yaml: the titles, commendation forms and form settings officers maintain.</summary>
public sealed class PledgeFormDefinition
{
    public int Version { get; set; }
    public int DraftExpiryHours { get; set; }
    public List<PledgeTitle> Titles { get; set; } = [];
    public List<CommendationForm> Commendations { get; set; } = [];
    public List<Localized> InitiativeFields { get; set; } = [];
}

public sealed class PledgeTitle
{
    public string Id { get; set; } = "";
    public Localized Name { get; set; } = new();
    public List<string> Abbreviations { get; set; } = [];
    public bool RequiresInitiative { get; set; }

    /// <summary>Every way a member may write the title: both languages and the abbreviations.</summary>
    public IEnumerable<string> Spellings => [Name.Vi, Name.En, .. Abbreviations];
}

public sealed class CommendationForm
{
    public string Id { get; set; } = "";
    public Localized Name { get; set; } = new();
}

/// <summary>dialogs/pledge/vocabulary.yaml: the words quick registrations and form answers are recognised by.</summary>
public sealed class PledgeVocabulary
{
    public List<string> RegisterWords { get; set; } = [];
    public List<string> FillerWords { get; set; } = [];
    public List<string> SkipWords { get; set; } = [];
    public List<string> ConfirmWords { get; set; } = [];
    public List<string> EditWords { get; set; } = [];
    public Dictionary<string, List<string>> Labels { get; set; } = [];
    public List<string> UnitWords { get; set; } = [];
    public List<string> PositionWords { get; set; } = [];
    public List<string> UnitConnectorWords { get; set; } = [];
    public List<string> PronounWords { get; set; } = [];
    public List<string> CommendationLeadWords { get; set; } = [];
    public List<string> CommendationTailWords { get; set; } = [];
    public List<string> UnitWordLookalikes { get; set; } = [];
    public List<string> QuestionWords { get; set; } = [];
    public List<string> StopWords { get; set; } = [];

    public bool IsSkip(string? text) => Matches(SkipWords, text);

    internal static bool Matches(IEnumerable<string> words, string? text)
    {
        var folded = PledgeText.Key(text);
        return (folded.Length > 0 && words.Any(w => PledgeText.Key(w) == folded)) ||
               (text?.Trim() is "-" && words.Contains("-"));
    }
}

/// <summary>dialogs/pledge/names.yaml: family names, by which a quick registration recognises a full name.</summary>
public sealed class PledgeNames
{
    public List<string> FamilyNames { get; set; } = [];
    public List<string> MiddleNames { get; set; } = [];
}

/// <summary>The pledge form and vocabulary, loaded and validated once at start.</summary>
public sealed class PledgeContent
{
    public required PledgeFormDefinition Form { get; init; }
    public required PledgeVocabulary Vocabulary { get; init; }
    public required PledgeNames Names { get; init; }

    public PledgeTitle? Title(string? id) => Form.Titles.FirstOrDefault(t => t.Id == id);

    public CommendationForm? Commendation(string? id) => Form.Commendations.FirstOrDefault(c => c.Id == id);

    public static PledgeContent Load(string contentRoot)
    {
        var problems = new List<string>();
        var folder = Path.Combine(contentRoot, "pledge");
        var form = YamlContent<PledgeFormDefinition>.Load(Path.Combine(folder, "form.yaml"), "pledge/form.yaml", problems);
        var vocabulary = YamlContent<PledgeVocabulary>.Load(Path.Combine(folder, "vocabulary.yaml"), "pledge/vocabulary.yaml", problems);
        var names = YamlContent<PledgeNames>.Load(Path.Combine(folder, "names.yaml"), "pledge/names.yaml", problems);
        PledgeContentValidator.Validate(form, vocabulary, problems);
        if (names.Value is { FamilyNames.Count: 0 }) problems.Add(names.Problem("familyNames", "needs at least one family name"));
        if (problems.Count > 0 || form.Value is null || vocabulary.Value is null || names.Value is null) throw new ContentException(problems);
        return new PledgeContent { Form = form.Value, Vocabulary = vocabulary.Value, Names = names.Value };
    }
}

/// <summary>Folding shared by every matcher of this feature.</summary>
internal static class PledgeText
{
    /// <summary>Folded words joined by spaces; "sỹ" and "sĩ" (both used in "chiến sĩ") compare equal.</summary>
    public static string Key(string? text) => string.Join(' ', Words(text));

    public static string[] Words(string? text) =>
        [.. VietnameseText.Words(text?.Replace('/', ' ')).Select(w => w switch { "sy" => "si", "ky" => "ki", _ => w })];
}
