using Bot.Builder.Recognizers;
using Bot.Conversations;

namespace Bot.Faq;

/// <summary>
/// The catch-all for free text outside a form (a private chat, or a reply to the bot in a group): every such message
/// is taken as a question about the plans, except a pledge ("đăng ký LĐTT"), which is left to the pledge feature
/// whichever handler is asked first.
/// </summary>
public sealed class FaqTextHandler(FaqResponder responder) : ITextHandler
{
    public int Order => TextHandlerOrder.Faq;

    public async Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (LooksLikeRegistration(text)) return false;
        await responder.AnswerAsync(turn, text, cancellationToken);
        return true;
    }

    /// <summary>
    /// "đăng ký LĐTT", "dk chien si thi dua": a member registering, not asking. "Đăng ký thi đua là gì?" or "đăng ký
    /// như thế nào" are questions and stay with the FAQ.
    /// </summary>
    internal static bool LooksLikeRegistration(string text)
    {
        var words = VietnameseText.Words(text);
        var starts = words.Length >= 2 && words[0] is "dang" && words[1] is "ky" or "ki"
            || words.Length >= 1 && words[0] is "dk" or "dangky";
        return starts && !text.Contains('?', StringComparison.Ordinal) && !words.Any(Interrogatives.Contains);
    }

    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal)
    {
        "gi", "nao", "sao", "dau", "may", "khong", "chua", "ai", "the", "nhieu", "bao", "nhu",
    };
}
