using Bot.Content;
using Bot.Conversations;

namespace Bot.Faq;

/// <summary>
/// /tailai (/reload), officers only: reads the plans, FAQ files, synonyms and sources again without a restart, all or
/// nothing. The kickoff schedule follows new phases within a minute (it re-reads the plans on every check).
/// </summary>
public sealed class ReloadCommand(FaqLibrary library, BotContent content, Say say, ILogger<ReloadCommand> logger) : ICommand
{
    public IReadOnlyList<string> Names => ["tailai", "reload"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        try
        {
            var catalog = library.Rebuild();
            logger.LogInformation("FAQ content reloaded by {Channel}:{UserId}", turn.Activity.Channel, turn.Activity.UserId);
            await say.SendAsync(turn, "faq.reloaded", ("plans", content.Plans.Count), ("entries", catalog.EntryCount), ("passages", catalog.PassageCount));
        }
        catch (ContentException ex)
        {
            logger.LogWarning("Content reload refused: {Problems}", string.Join("; ", ex.Problems));
            await say.SendAsync(turn, "faq.reload-failed", ("problems", string.Join('\n', ex.Problems)));
        }
    }
}
