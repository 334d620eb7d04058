using Bot.Broadcasts.Schedule;
using Bot.Content;
using Bot.Members;
using Bot.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>The plans with their phases on a timeline, the scheduled kickoffs, and a check of a new plan file.</summary>
public sealed class PlansModel(BotContent content, PlanCalendar calendar, ScheduleService schedule, PlanPublisher publisher, Audit.OfficerAudit audit) : PageModel
{
    public IReadOnlyList<Plan> Plans => content.Plans;
    public DateOnly Today => calendar.Today;
    public IReadOnlyList<ScheduledKickoff> Upcoming { get; private set; } = [];
    public IReadOnlyList<string>? Problems { get; private set; }
    public string? Checked { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Upcoming = await schedule.ListAsync(Officer(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? plan)
    {
        await OnGetAsync();
        var t = HttpContext.RequestServices.GetRequiredService<WebText>();
        if (plan is null || plan.Length == 0 || plan.Length > PlanFileCheck.MaxBytes || !plan.FileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            Problems = [t.Get("plan-upload-invalid", ("max", PlanFileCheck.MaxBytes / 1024))];
            return Page();
        }
        Checked = Path.GetFileName(plan.FileName);
        Problems = await PlanFileCheck.CheckAsync(plan, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Checks the file, then puts it into dialogs/plans/ and reloads the content (as /tailai): all or nothing.</summary>
    public async Task<IActionResult> OnPostPublishAsync(IFormFile? plan)
    {
        var result = await OnPostCheckAsync(plan);
        if (Problems is not { Count: 0 } || plan is null) return result;
        var officer = Officer();
        var t = HttpContext.RequestServices.GetRequiredService<WebText>();
        try
        {
            await using var upload = plan.OpenReadStream();
            Problems = await publisher.PublishAsync(officer, plan.FileName, upload, HttpContext.RequestAborted);
        }
        catch (NotAllowedException)
        {
            Problems = [t["plans-publish-not-allowed"]];
            return Page();
        }
        if (Problems.Count > 0) return Page();
        await audit.WriteAsync(officer, "plan-published", Checked!, $"{content.Plans.Count}", HttpContext.RequestAborted);
        Notice = t.Get("plans-published", ("file", Checked), ("plans", content.Plans.Count));
        return LocalRedirect("/quantri/kehoach");
    }

    /// <summary>Pause, resume or cancel a scheduled kickoff (the same use case as /lichphatdong).</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int id, string change)
    {
        var officer = Officer();
        var ct = HttpContext.RequestAborted;
        var result = change switch
        {
            "pause" => await schedule.PauseAsync(officer, id, ct),
            "resume" => await schedule.ResumeAsync(officer, id, ct),
            "cancel" => await schedule.CancelAsync(officer, id, ct),
            _ => null,
        };
        var t = HttpContext.RequestServices.GetRequiredService<WebText>();
        if (result is { Changed: true }) await audit.WriteAsync(officer, "schedule-" + change, $"#{id}", $"{result.Kickoff.PlanId}/{result.Kickoff.PhaseId}", ct);
        Notice = result is { Changed: true } ? t.Get("schedule-changed", ("id", id)) : t.Get("schedule-unchanged", ("id", id));
        return LocalRedirect("/quantri/kehoach");
    }

    private Actor Officer() => OfficerSession.Actor(HttpContext) ?? throw new NotAllowedException("use the dashboard");
}
