using Bot.Conversations;
using Bot.Members;

namespace Bot.Web.SignIn;

/// <summary>
/// /quantri (/dashboard), officers only, in a private chat: a sign-in link to the web dashboard, valid for ten minutes
/// and usable once. A link in a group would let anyone in it sign in as the officer, so a group gets "use a private chat".
/// </summary>
public sealed class DashboardCommand(SignInLinks links, Actors actors, IOptions<WebOptions> options, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["quantri", "dashboard", "quan_tri"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            await say.SendAsync(turn, "web.dashboard-off");
            return;
        }
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            await say.SendAsync(turn, "web.dashboard-private-only");
            return;
        }
        var lang = await say.LanguageAsync(turn, cancellationToken);
        string url;
        try
        {
            url = await links.IssueAsync(actors.Of(turn.Activity, lang), cancellationToken);
        }
        catch (NotAllowedException)
        {
            await say.SendAsync(turn, "core.officer-only");
            return;
        }
        await say.SendAsync(turn, "web.dashboard-link", ("url", url), ("minutes", (int)options.Value.SignInLinkLifetime.TotalMinutes));
    }
}
