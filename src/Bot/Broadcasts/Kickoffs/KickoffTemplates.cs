using Bot.Content;

namespace Bot.Broadcasts.Kickoffs;

/// <summary>dialogs/broadcasts/kickoff.yaml: a default kickoff template and one per phase ("plan-id/phase-id").</summary>
public sealed class KickoffFile
{
    public Localized? Default { get; set; }
    public Dictionary<string, Localized> Phases { get; set; } = [];
}

/// <summary>The kickoff templates, loaded and checked once: a broken file stops the start with "file:line: problem".</summary>
public sealed class KickoffTemplates
{
    public const string RelativePath = "broadcasts/kickoff.yaml";

    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "{plan}", "{issuer}", "{theme}", "{phase}", "{start}", "{end}", "{focus}", "{tasks}", "{movements}", "{register}", "{source}",
    };

    private readonly Localized _default;
    private readonly Dictionary<string, Localized> _phases;

    private KickoffTemplates(Localized fallback, Dictionary<string, Localized> phases) => (_default, _phases) = (fallback, phases);

    public Localized For(string planId, string phaseId) => _phases.GetValueOrDefault(Key(planId, phaseId)) ?? _default;

    public bool HasOwn(string planId, string phaseId) => _phases.ContainsKey(Key(planId, phaseId));

    public static string Key(string planId, string phaseId) => $"{planId}/{phaseId}";

    /// <summary>Reads the file under the content root; every problem is collected before throwing.</summary>
    public static KickoffTemplates Load(BotContent content)
    {
        var path = Path.Combine(content.Root, RelativePath);
        if (!File.Exists(path)) throw new ContentException([$"{RelativePath}: the kickoff template file is missing"]);
        var problems = new List<string>();
        var file = YamlContent<KickoffFile>.Load(path, RelativePath, problems);
        if (file.Value is { } value)
        {
            if (value.Default is null) problems.Add($"{RelativePath}:1: default: a default template is required");
            else Check(file, "default", value.Default, problems);
            foreach (var (key, template) in value.Phases)
            {
                var parts = key.Split('/');
                var known = parts.Length == 2 && content.FindPlan(parts[0]) is { } plan && plan.Phases.Any(p => p.Id == parts[1]);
                if (!known) problems.Add(file.Problem($"phases.{key}", "no such plan/phase in dialogs/plans (write \"plan-id/phase-id\")"));
                Check(file, $"phases.{key}", template, problems);
            }
        }
        if (problems.Count > 0) throw new ContentException(problems);
        return new KickoffTemplates(file.Value!.Default!, new Dictionary<string, Localized>(file.Value.Phases, StringComparer.Ordinal));
    }

    private static void Check(YamlContent<KickoffFile> file, string path, Localized? template, List<string> problems)
    {
        if (template is null || template.Vi.Trim().Length == 0 || template.En.Trim().Length == 0)
        {
            problems.Add(file.Problem(path, "needs both vi and en"));
            return;
        }
        foreach (var unknown in Texts.Placeholders(template.Vi).Concat(Texts.Placeholders(template.En)).Distinct().Where(p => !Placeholders.Contains(p)))
            problems.Add(file.Problem(path, $"unknown placeholder {unknown} (known: {string.Join(" ", Placeholders)})"));
        if (!Texts.Placeholders(template.Vi).SequenceEqual(Texts.Placeholders(template.En)))
            problems.Add(file.Problem(path, "vi and en must use the same {placeholders}"));
    }
}
