namespace Bot.Content;

/// <summary>The plans and texts loaded (and validated) from dialogs/ at start; the plans are replaced whole by /tailai.</summary>
public sealed class BotContent
{
    private volatile IReadOnlyList<Plan> _plans = [];

    public required string Root { get; init; }

    /// <summary>The plans now: a reader that takes the list sees the old set or the new one, never a mix.</summary>
    public required IReadOnlyList<Plan> Plans { get => _plans; init => _plans = value; }

    /// <summary>An officer's reload: the plans of a copy loaded and validated from the same folder replace these.</summary>
    public void TakePlansFrom(BotContent reloaded) => _plans = reloaded.Plans;
    public required Texts Texts { get; init; }
    public required string DefaultPlanId { get; init; }

    public Plan? FindPlan(string id) => Plans.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public Plan DefaultPlan => FindPlan(DefaultPlanId) ?? Plans[0];

    /// <summary>Loads plans and texts; throws <see cref="ContentException"/> listing every problem found.</summary>
    public static BotContent Load(ContentOptions options)
    {
        var root = options.ResolvedPath;
        var problems = new List<string>();
        if (!Directory.Exists(root)) throw new ContentException([$"{root}: the content folder does not exist (setting Content:Path)"]);

        var plans = new List<Plan>();
        foreach (var path in Files(root, "plans"))
        {
            var file = YamlContent<Plan>.Load(path, Display(root, path), problems);
            PlanValidator.Validate(file, System.IO.Path.GetFileNameWithoutExtension(path), problems);
            if (file.Value is { } plan) plans.Add(plan);
        }
        if (plans.Count == 0 && problems.Count == 0) problems.Add($"{root}/plans: no plan files (*.yaml)");

        var texts = new Dictionary<string, Localized>(StringComparer.Ordinal);
        foreach (var path in Files(root, "texts"))
        {
            var file = YamlContent<Dictionary<string, Localized>>.Load(path, Display(root, path), problems);
            var prefix = System.IO.Path.GetFileNameWithoutExtension(path);
            foreach (var (key, text) in file.Value ?? [])
            {
                PlanValidator.Require(file, key, text, problems);
                if (text is { Vi.Length: > 0, En.Length: > 0 } &&
                    !Texts.Placeholders(text.Vi).SequenceEqual(Texts.Placeholders(text.En)))
                    problems.Add(file.Problem(key, "vi and en must use the same {placeholders}"));
                texts[$"{prefix}.{key}"] = text ?? new Localized();
            }
        }

        // Without the engine's own replies (greeting, "not understood", the apology) the bot would start and answer nothing.
        if (!File.Exists(System.IO.Path.Combine(root, "texts", "core.yaml")))
            problems.Add($"{root}/texts/core.yaml: missing (it holds the bot's basic replies: greeting, help, apology); restore it from the release");
        if (plans.Count > 0 && !plans.Any(p => p.Id == options.DefaultPlan))
            problems.Add($"Content:DefaultPlan '{options.DefaultPlan}' is not one of the plans ({string.Join(", ", plans.Select(p => p.Id))})");
        if (problems.Count > 0) throw new ContentException(problems);
        return new BotContent { Root = root, Plans = plans, Texts = new Texts(texts), DefaultPlanId = options.DefaultPlan };
    }

    private static IEnumerable<string> Files(string root, string folder)
    {
        var dir = System.IO.Path.Combine(root, folder);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.yaml").Concat(Directory.EnumerateFiles(dir, "*.yml")).Order(StringComparer.Ordinal)
            : [];
    }

    internal static string Display(string root, string path) => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
}
