using Bot.Content;
using Bot.Conversations;

namespace Bot.Faq;

/// <summary>/tailai (/reload), officers only: reads the FAQ files, synonyms and plan passages again without a restart.</summary>
public sealed class ReloadCommand(FaqLibrary library, Say say, ILogger<ReloadCommand> logger) : ICommand
{
    public IReadOnlyList<string> Names => ["tailai", "reload"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        try
        {
            var catalog = library.Rebuild();
            logger.LogInformation("FAQ content reloaded by {Channel}:{UserId}", turn.Activity.Channel, turn.Activity.UserId);
            await say.SendAsync(turn, "faq.reloaded", ("entries", catalog.EntryCount), ("passages", catalog.PassageCount));
        }
        catch (ContentException ex)
        {
            logger.LogWarning(ex, "FAQ reload refused: the content has errors");
            await say.SendAsync(turn, "faq.reload-failed", ("problems", string.Join('\n', ex.Problems)));
        }
    }
}
