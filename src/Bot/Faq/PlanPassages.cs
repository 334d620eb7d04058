using System.Globalization;
using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// The plan texts themselves as quotable passages (theme, motto, who signed, each content, movement, phase and
/// task), so a question no curated entry fits can still be answered by quoting the plan, with its citation.
/// </summary>
internal static class PlanPassages
{
    public static IEnumerable<FaqItem> From(Plan plan, Texts texts, Localized planLabel)
    {
        yield return Passage(plan, "theme", Heading(texts, "faq.passage-theme"), plan.Theme, planLabel);
        if (plan.Motto is { } motto) yield return Passage(plan, "motto", Heading(texts, "faq.passage-motto"), motto, planLabel);
        if (plan.SignedBy is { } signer)
        {
            var issued = plan.Issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var text = Both(texts, "faq.passage-signed-text", ("issuer", plan.Issuer), ("signer", signer), ("issued", Same(issued)));
            yield return Passage(plan, "signed", Heading(texts, "faq.passage-signed"), text, planLabel);
        }
        foreach (var c in plan.Contents)
            yield return Passage(plan, $"content-{c.Number}", Both(texts, "faq.passage-content", ("number", Same(c.Number.ToString(CultureInfo.InvariantCulture)))), c.Text, planLabel, c.Source);
        foreach (var m in plan.Movements)
            yield return Passage(plan, $"movement-{m.Id}", m.Name, m.Summary, planLabel, m.Source);
        foreach (var p in plan.Phases)
        {
            var heading = Both(texts, "faq.passage-phase", ("name", p.Name), ("start", Same(Date(p.Start))), ("end", Same(Date(p.End))));
            var text = Both(texts, "faq.passage-phase-text", ("focus", p.Focus), ("tasks", p.MemberTasks));
            yield return Passage(plan, $"phase-{p.Id}", heading, text, planLabel, p.Source);
        }
        for (var i = 0; i < plan.Tasks.Count; i++)
        {
            var t = plan.Tasks[i];
            yield return Passage(plan, $"task-{i + 1}", Both(texts, "faq.passage-task", ("level", t.Level)), t.Text, planLabel, t.Source);
        }
    }

    private static FaqItem Passage(Plan plan, string key, Localized heading, Localized text, Localized planLabel, Localized? section = null) => new()
    {
        Id = $"{plan.Id}/{key}",
        Kind = FaqItemKind.Passage,
        PlanId = plan.Id,
        Label = new Localized { Vi = $"{heading.Vi} – {planLabel.Vi}", En = $"{heading.En} – {planLabel.En}" },
        Answer = text,
        Source = section ?? heading,
        Document = plan.Document,
        Heading = heading,
        Questions = [heading.Vi, SourcePassages.Title(plan.Document.Vi)],
        Body = text.Vi,
        QuestionsEn = [heading.En, SourcePassages.Title(plan.Document.En)],
        BodyEn = text.En,
    };

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Localized Same(string text) => new() { Vi = text, En = text };

    private static Localized Heading(Texts texts, string key) => Both(texts, key);

    /// <summary>The template in both languages, filled without HTML escaping: items hold plain text, the reply escapes it.</summary>
    private static Localized Both(Texts texts, string key, params (string Name, Localized Value)[] args) => new()
    {
        Vi = Fill(texts, Languages.Vietnamese, key, args),
        En = Fill(texts, Languages.English, key, args),
    };

    private static string Fill(Texts texts, string language, string key, (string Name, Localized Value)[] args)
    {
        if (!texts.Entries.TryGetValue(key, out var template)) throw new KeyNotFoundException($"No text '{key}' in dialogs/texts.");
        return Texts.FillPlain(template.For(language), [.. args.Select(a => (a.Name, a.Value.For(language)))]);
    }
}
