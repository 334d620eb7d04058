using System.Text.RegularExpressions;
using Bot.Content;

namespace Bot.Pledges;

internal static partial class PledgeContentValidator
{
    private static readonly string[] RequiredLabels = ["name", "position", "unit", "initiative", "initiativeField", "commendation", "commitment"];

    public static void Validate(YamlContent<PledgeFormDefinition> formFile, YamlContent<PledgeVocabulary> vocabularyFile, List<string> problems)
    {
        if (formFile.Value is { } form) ValidateForm(formFile, form, problems);
        if (vocabularyFile.Value is { } vocabulary) ValidateVocabulary(vocabularyFile, vocabulary, problems);
    }

    private static void ValidateForm(YamlContent<PledgeFormDefinition> file, PledgeFormDefinition form, List<string> problems)
    {
        if (form.Version < 1) problems.Add(file.Problem("version", "must be a whole number of at least 1"));
        if (form.DraftExpiryHours < 1) problems.Add(file.Problem("draftExpiryHours", "must be at least 1 (hours)"));
        if (form.Titles.Count == 0) problems.Add(file.Problem("titles", "needs at least one title"));
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Titles.Count; i++)
        {
            var title = form.Titles[i];
            if (!IdShape().IsMatch(title.Id)) problems.Add(file.Problem($"titles[{i}].id", "must be lower-case letters, digits and dashes"));
            PlanValidator.Require(file, $"titles[{i}].name", title.Name, problems);
            foreach (var spelling in title.Spellings.Where(s => s.Length > 0))
            {
                var key = PledgeText.Key(spelling);
                if (key.Length == 0) problems.Add(file.Problem($"titles[{i}].abbreviations", $"'{spelling}' has no letters"));
                else if (spellings.TryGetValue(key, out var other) && other != title.Id)
                    problems.Add(file.Problem($"titles[{i}]", $"'{spelling}' is also a spelling of title '{other}'"));
                else spellings[key] = title.Id;
            }
        }
        Duplicates(file, "titles", form.Titles.Select(t => t.Id), problems);
        for (var i = 0; i < form.Commendations.Count; i++)
        {
            if (!IdShape().IsMatch(form.Commendations[i].Id)) problems.Add(file.Problem($"commendations[{i}].id", "must be lower-case letters, digits and dashes"));
            PlanValidator.Require(file, $"commendations[{i}].name", form.Commendations[i].Name, problems);
        }
        Duplicates(file, "commendations", form.Commendations.Select(c => c.Id), problems);
        for (var i = 0; i < form.InitiativeFields.Count; i++)
            PlanValidator.Require(file, $"initiativeFields[{i}]", form.InitiativeFields[i], problems);
    }

    private static void ValidateVocabulary(YamlContent<PledgeVocabulary> file, PledgeVocabulary v, List<string> problems)
    {
        if (v.RegisterWords.Count == 0) problems.Add(file.Problem("registerWords", "needs at least one word"));
        if (v.SkipWords.Count == 0) problems.Add(file.Problem("skipWords", "needs at least one word"));
        if (v.ConfirmWords.Count == 0) problems.Add(file.Problem("confirmWords", "needs at least one word"));
        if (v.EditWords.Count == 0) problems.Add(file.Problem("editWords", "needs at least one word"));
        foreach (var label in RequiredLabels)
            if (!v.Labels.TryGetValue(label, out var words) || words.Count == 0)
                problems.Add(file.Problem("labels", $"needs '{label}' with at least one word"));
        foreach (var unknown in v.Labels.Keys.Except(RequiredLabels))
            problems.Add(file.Problem($"labels.{unknown}", $"is not a field (use {string.Join(", ", RequiredLabels)})"));
    }

    private static void Duplicates<T>(YamlContent<T> file, string path, IEnumerable<string> ids, List<string> problems)
    {
        foreach (var id in ids.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add(file.Problem(path, $"id '{id}' is used twice"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdShape();
}
