using Bot.Broadcasts.Schedule;
using Bot.Content;
using Bot.Members;
using Bot.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>The plans with their phases on a timeline, the scheduled kickoffs, and a check of a new plan file.</summary>
public sealed class PlansModel(BotContent content, PlanCalendar calendar, ScheduleService schedule) : PageModel
{
    public IReadOnlyList<Plan> Plans => content.Plans;
    public DateOnly Today => calendar.Today;
    public IReadOnlyList<ScheduledKickoff> Upcoming { get; private set; } = [];
    public IReadOnlyList<string>? Problems { get; private set; }
    public string? Checked { get; private set; }

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

    private Actor Officer() => OfficerSession.Actor(HttpContext) ?? throw new NotAllowedException("use the dashboard");
}
