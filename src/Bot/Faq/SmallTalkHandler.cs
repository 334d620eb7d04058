using Bot.Conversations;

namespace Bot.Faq;

/// <summary>
/// Greetings, thanks, "ok", "bye", and "huỷ"/"thôi"/"quay lại" typed when no form is open: a short natural answer
/// and the menu. Without this they reached the FAQ, which either declined them as not understood or, worse,
/// answered them with some plan passage.
/// </summary>
public sealed class SmallTalkHandler(FaqLibrary library, Menu menu, ILogger<SmallTalkHandler> logger) : ITextHandler
{
    public int Order => TextHandlerOrder.SmallTalk;

    public async Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (library.SmallTalk.Recognize(text) is not { } intent) return false;
        logger.LogDebug("Small talk: {Intent}", intent.Name);
        await menu.ShowAsync(turn, intent.ReplyKey);
        return true;
    }
}
