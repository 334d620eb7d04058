using Bot.Broadcasts;
using Bot.Broadcasts.Outbox;
using Bot.Members;
using Bot.Web.Audit;
using Bot.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>
/// Compose an announcement or a phase kickoff, see it exactly as the chat would show it and who gets it, confirm; and the
/// history. Everything goes through <see cref="BroadcastService"/> as the signed-in officer.
/// </summary>
public sealed class BroadcastsModel(BroadcastService broadcasts, Content.BotContent content, OfficerAudit audit) : PageModel
{
    public const int MaxText = 3000;

    [BindProperty] public BroadcastKind Kind { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Phase { get; set; }
    [BindProperty] public AudienceKind Audience { get; set; }
    [BindProperty] public string? AudiencePlan { get; set; }
    [BindProperty] public string? AudienceUnit { get; set; }

    public BroadcastPreview? Preview { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<BroadcastRecord> History { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Phases { get; private set; } = [];
    public IReadOnlyList<(string Id, string Title)> Plans { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await LoadAsync();
        if (Draft() is not { } draft) return Page();
        Preview = await broadcasts.DraftAsync(Officer(), draft, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        await LoadAsync();
        if (Draft() is not { } draft) return Page();
        var officer = Officer();
        var record = await broadcasts.StartAsync(officer, draft, [], null, HttpContext.RequestAborted);
        await audit.WriteAsync(officer, "broadcast-started", $"#{record.Id}", $"{record.Kind}, {record.Audience.Kind}, {record.Total}", HttpContext.RequestAborted);
        return LocalRedirect($"/quantri/thongbao/{record.Id}");
    }

    /// <summary>The draft the form describes, or null after saying what is missing.</summary>
    private BroadcastDraft? Draft()
    {
        var t = HttpContext.RequestServices.GetRequiredService<WebText>();
        if (Kind == BroadcastKind.Announcement)
        {
            Text = Text?.Trim();
            if (string.IsNullOrEmpty(Text) || Text.Length > MaxText)
            {
                Problem = t.Get("broadcast-text-length", ("max", MaxText));
                return null;
            }
            return Audiences(new BroadcastDraft { Kind = Kind, Text = Text, Audience = Audience });
        }
        var (planId, phaseId) = Phase?.Split('/', 2) is [var p, var f] ? (p, f) : ("", "");
        if (content.FindPlan(planId)?.Phases.FirstOrDefault(x => x.Id == phaseId) is null)
        {
            Problem = t["broadcast-phase-missing"];
            return null;
        }
        return Audiences(new BroadcastDraft { Kind = Kind, PlanId = planId, PhaseId = phaseId, Audience = Audience });
    }

    /// <summary>Only members registered for a plan, or of a unit (private chats only, as in chat).</summary>
    private BroadcastDraft Audiences(BroadcastDraft draft)
    {
        draft.AudiencePlanId = content.FindPlan(AudiencePlan ?? "")?.Id;
        draft.AudienceUnit = string.IsNullOrWhiteSpace(AudienceUnit) ? null : AudienceUnit.Trim()[..Math.Min(AudienceUnit.Trim().Length, 120)];
        return draft;
    }

    private async Task LoadAsync()
    {
        var officer = Officer();
        History = await broadcasts.HistoryAsync(officer, HttpContext.RequestAborted);
        Plans = [.. content.Plans.Select(p => (p.Id, p.Title.For(officer.Language)))];
        Phases = [.. content.Plans.SelectMany(p => p.Phases.Select(f => ($"{p.Id}/{f.Id}", $"{p.Title.For(officer.Language)} – {f.Name.For(officer.Language)}")))];
    }

    private Actor Officer() => OfficerSession.Actor(HttpContext) ?? throw new NotAllowedException("use the dashboard");
}
