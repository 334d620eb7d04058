using System.Text.RegularExpressions;

namespace Bot.Content;

internal static partial class PlanValidator
{
    public static void Validate(YamlContent<Plan> file, string expectedId, ICollection<string> problems)
    {
        if (file.Value is not { } plan) return;
        if (!IdShape().IsMatch(plan.Id)) problems.Add(file.Problem("id", "must be lower-case letters, digits and dashes"));
        else if (plan.Id != expectedId) problems.Add(file.Problem("id", $"'{plan.Id}' must equal the file name '{expectedId}'"));
        if (plan.Kind is not ("plan" or "call")) problems.Add(file.Problem("kind", "must be 'plan' or 'call'"));
        Require(file, "title", plan.Title, problems);
        Require(file, "issuer", plan.Issuer, problems);
        Require(file, "document", plan.Document, problems);
        Require(file, "theme", plan.Theme, problems);
        if (plan.Start == default) problems.Add(file.Problem("start", "is missing (YYYY-MM-DD)"));
        if (plan.End == default) problems.Add(file.Problem("end", "is missing (YYYY-MM-DD)"));
        if (plan.End < plan.Start) problems.Add(file.Problem("end", "is before start"));
        if (plan.Registration is { } reg)
        {
            if (reg.Opens is null && reg.Closes is null) problems.Add(file.Problem("registration", "needs opens and/or closes (YYYY-MM-DD), or leave registration out"));
            if (reg is { Opens: { } o, Closes: { } c } && c < o) problems.Add(file.Problem("registration.closes", "is before opens"));
            if (reg.Opens is { } opens && plan.End != default && opens > plan.End) problems.Add(file.Problem("registration.opens", "is after the plan's end"));
        }

        for (var i = 0; i < plan.Movements.Count; i++)
        {
            var m = plan.Movements[i];
            if (!IdShape().IsMatch(m.Id)) problems.Add(file.Problem($"movements[{i}].id", "must be lower-case letters, digits and dashes"));
            Require(file, $"movements[{i}].name", m.Name, problems);
            Require(file, $"movements[{i}].summary", m.Summary, problems);
            Require(file, $"movements[{i}].source", m.Source, problems);
        }
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var p = plan.Phases[i];
            var at = $"phases[{i}]";
            Require(file, $"{at}.name", p.Name, problems);
            Require(file, $"{at}.memberTasks", p.MemberTasks, problems);
            Require(file, $"{at}.source", p.Source, problems);
            if (p.Start == default || p.End == default) problems.Add(file.Problem(at, "start and end dates are required (YYYY-MM-DD)"));
            else if (p.End < p.Start) problems.Add(file.Problem($"{at}.end", "is before start"));
            if (i > 0 && p.Start <= plan.Phases[i - 1].End) problems.Add(file.Problem($"{at}.start", "overlaps the previous phase"));
        }
        for (var i = 0; i < plan.Contents.Count; i++)
        {
            Require(file, $"contents[{i}].text", plan.Contents[i].Text, problems);
            Require(file, $"contents[{i}].source", plan.Contents[i].Source, problems);
        }
        var duplicate = plan.Movements.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) problems.Add(file.Problem("movements", $"id '{duplicate.Key}' is used twice"));
    }

    internal static void Require<T>(YamlContent<T> file, string path, Localized? text, ICollection<string> problems)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Vi)) problems.Add(file.Problem(path, "needs Vietnamese text (vi)"));
        else if (string.IsNullOrWhiteSpace(text.En)) problems.Add(file.Problem(path, "needs English text (en)"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdShape();
}
