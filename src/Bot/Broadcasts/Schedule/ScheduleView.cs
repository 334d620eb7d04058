using System.Globalization;
using System.Text;
using Bot.Content;

namespace Bot.Broadcasts.Schedule;

/// <summary>The schedule as officers read it: numbered lines, and pause/resume/cancel buttons for what has not happened yet.</summary>
internal static class ScheduleView
{
    public const string Prefix = "ks";

    public static Reply List(Texts texts, BotContent content, TimeZoneInfo zone, TimeOnly at, IReadOnlyList<ScheduledKickoff> rows, string lang)
    {
        if (rows.Count == 0) return texts.Get(lang, "broadcast.schedule-empty");
        var sb = new StringBuilder(texts.Get(lang, "broadcast.schedule-header", ("time", at.ToString("HH:mm", CultureInfo.InvariantCulture))));
        var buttons = new List<Button>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var n = i + 1;
            var (plan, phase) = Names(content, row, lang);
            sb.Append('\n').Append(BroadcastFormat.Html(texts, lang, "broadcast.schedule-line",
                [("n", n), ("phase", phase), ("plan", plan), ("runAt", BroadcastFormat.LocalTime(row.RunAt, zone))], ("state", State(texts, zone, row, lang))));
            if (row.State == ScheduleState.Scheduled) buttons.Add(new Button(texts.Get(lang, "broadcast.schedule-pause", ("n", n)), $"{Prefix}:pause:{row.Id}"));
            if (row.State == ScheduleState.Paused) buttons.Add(new Button(texts.Get(lang, "broadcast.schedule-resume", ("n", n)), $"{Prefix}:resume:{row.Id}"));
            if (row.State is ScheduleState.Scheduled or ScheduleState.Paused)
                buttons.Add(new Button(texts.Get(lang, "broadcast.schedule-cancel", ("n", n)), $"{Prefix}:cancel:{row.Id}"));
        }
        if (buttons.Count > 0) sb.Append("\n\n").Append(texts.Get(lang, "broadcast.schedule-hint"));
        return new Reply { Text = sb.ToString(), Buttons = buttons };
    }

    public static string MissedReport(Texts texts, BotContent content, TimeZoneInfo zone, IReadOnlyList<ScheduledKickoff> rows, TimeSpan grace, string lang)
    {
        var sb = new StringBuilder(BroadcastFormat.Html(texts, lang, "broadcast.schedule-missed-report", [], ("grace", BroadcastFormat.Duration(texts, lang, grace))));
        foreach (var row in rows)
        {
            var (plan, phase) = Names(content, row, lang);
            sb.Append('\n').Append(texts.Get(lang, "broadcast.schedule-report-line", ("phase", phase), ("plan", plan), ("runAt", BroadcastFormat.LocalTime(row.RunAt, zone))));
        }
        return sb.Append("\n\n").Append(texts.Get(lang, "broadcast.schedule-report-hint")).ToString();
    }

    public static (string Plan, string Phase) Names(BotContent content, ScheduledKickoff row, string lang)
    {
        var plan = content.FindPlan(row.PlanId);
        var phase = plan?.Phases.FirstOrDefault(p => p.Id == row.PhaseId);
        return (plan?.Title.For(lang) ?? row.PlanId, phase?.Name.For(lang) ?? row.PhaseId);
    }

    public static string State(Texts texts, TimeZoneInfo zone, ScheduledKickoff row, string lang) => row.State switch
    {
        ScheduleState.Fired => texts.Get(lang, "broadcast.state-fired", ("at", row.FiredAt is { } f ? BroadcastFormat.LocalTime(f, zone) : "")),
        _ => texts.Get(lang, $"broadcast.state-{row.State.ToString().ToLowerInvariant()}"),
    };
}
