using Bot.Content;
using Bot.Members;
using Bot.Pledges;
using Bot.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>The overview: today's plan and phase (or honestly none), and the registrations counted by title, unit, status and day.</summary>
public sealed class IndexModel(PledgeService pledges, PledgeSummary summary, PlanCalendar calendar) : PageModel
{
    public const int Days = 30;

    public IReadOnlyList<(Plan Plan, Phase Phase)> Phases { get; private set; } = [];
    public IReadOnlyList<Plan> Running { get; private set; } = [];
    public Plan? LastEnded { get; private set; }
    public (Plan Plan, Phase Phase)? Next { get; private set; }
    public PledgeTallies? Tallies { get; private set; }
    public IReadOnlyList<(string Label, int Count)> ByTitle { get; private set; } = [];
    public IReadOnlyList<(string Label, int Count)> ByStatus { get; private set; } = [];
    public IReadOnlyList<(string Label, int Count)> ByUnit { get; private set; } = [];
    public IReadOnlyList<(string Label, int Count)> ByDay { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (OfficerSession.Actor(HttpContext) is not { } officer) return Forbid();
        var lang = officer.Language;
        Phases = calendar.CurrentPhases();
        Running = calendar.CurrentPlans();
        LastEnded = calendar.MostRecentEnded();
        Next = calendar.NextPhase();
        var all = await pledges.ListAsync(officer, null, HttpContext.RequestAborted);
        Tallies = await pledges.TalliesAsync(officer, null, 0, HttpContext.RequestAborted);
        ByTitle = [.. Tallies.ByTitle.Select(t => (summary.TitleName(lang, t.TitleId), t.Count))];
        ByStatus = [.. Tallies.ByStatus.Select(s => (summary.Status(lang, s.Status), s.Count))];
        ByUnit = [.. Tallies.ByUnit.Take(12).Select(u => (u.Unit, u.Count))];
        var today = calendar.Today;
        var perDay = all.GroupBy(p => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.CreatedAt, calendar.Zone).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        ByDay = [.. Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1)).Select(d => (d.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d)))];
        return Page();
    }
}
