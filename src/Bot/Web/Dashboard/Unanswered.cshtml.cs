using Bot.Web.Unanswered;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>What members asked that the bot could not answer outright, grouped by similarity, most asked first.</summary>
public sealed class UnansweredModel(IUnansweredQuestionStore store) : PageModel
{
    public const int Window = 2000;
    public IReadOnlyList<QuestionGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync() => Groups = QuestionGroups.Of(await store.RecentAsync(Window, HttpContext.RequestAborted));
}
