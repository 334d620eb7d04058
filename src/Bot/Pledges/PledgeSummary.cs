using System.Globalization;
using System.Text;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>How a pledge or a draft reads to people: the summary lines, titles, statuses and dates.</summary>
public sealed class PledgeSummary(PledgeContent pledges, BotContent content, PlanCalendar calendar, Texts texts)
{
    public string Lines(string lang, PledgeDraft d)
    {
        var plan = content.FindPlan(d.PlanId ?? "");
        var sb = new StringBuilder();
        Line(sb, lang, PledgeField.Plan, plan?.Title.For(lang));
        Line(sb, lang, PledgeField.Name, d.FullName);
        Line(sb, lang, PledgeField.Position, d.Position);
        Line(sb, lang, PledgeField.Unit, d.Unit);
        Line(sb, lang, PledgeField.Movements, d.Movements is { Count: > 0 } ids
            ? string.Join("; ", ids.Select(id => plan?.Movements.FirstOrDefault(m => m.Id == id)?.Name.For(lang) ?? id))
            : null);
        Line(sb, lang, PledgeField.Title, TitleName(lang, d.TitleId));
        Line(sb, lang, PledgeField.Initiative, d.Initiative);
        Line(sb, lang, PledgeField.InitiativeField, d.InitiativeField);
        Line(sb, lang, PledgeField.Commendation, pledges.Commendation(d.CommendationId)?.Name.For(lang));
        Line(sb, lang, PledgeField.Commitment, d.Commitment);
        return sb.ToString().TrimEnd('\n');
    }

    public static PledgeDraft ToDraft(Pledge p) => new()
    {
        PlanId = p.PlanId, FullName = p.FullName, Position = p.Position, Unit = p.Unit, Movements = p.Movements, TitleId = p.TitleId,
        CommendationId = p.CommendationId, Initiative = p.Initiative, InitiativeField = p.InitiativeField, Commitment = p.Commitment,
    };

    public string FieldLabel(string lang, PledgeField field) => texts.Get(lang, $"pledge.field-{Kebab(field)}");

    public string TitleName(string lang, string? titleId) => pledges.Title(titleId)?.Name.For(lang) ?? titleId ?? "";

    public string PlanTitle(string lang, string planId) => content.FindPlan(planId)?.Title.For(lang) ?? planId;

    public string Status(string lang, PledgeStatus status) => texts.Get(lang, $"pledge.status-{status.ToString().ToLowerInvariant()}");

    /// <summary>The day in the plans' time zone, dd/MM/yyyy as on the paper lists.</summary>
    public string Date(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.Zone).DateTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private void Line(StringBuilder sb, string lang, PledgeField field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        sb.Append(texts.Get(lang, "pledge.summary-line", ("label", FieldLabel(lang, field)), ("value", value))).Append('\n');
    }

    private static string Kebab(PledgeField field) => field switch
    {
        PledgeField.InitiativeField => "initiative-field",
        _ => field.ToString().ToLowerInvariant(),
    };
}
