using Bot.Conversations;

namespace Bot.Faq;

/// <summary>
/// /hoi (/ask) &lt;câu hỏi&gt;: a question about the plans, the way to ask in a group. "/hoi #&lt;id&gt;" is what a
/// "did you mean" choice sends back, answered directly.
/// </summary>
public sealed class AskCommand(FaqResponder responder, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["hoi", "ask", "hoidap", "faq"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var question = args.Trim();
        if (question.Length == 0)
        {
            await say.SendAsync(turn, "faq.ask-empty");
            return;
        }
        if (question.StartsWith('#') && !question.Contains(' ', StringComparison.Ordinal))
        {
            await responder.AnswerItemAsync(turn, question[1..], cancellationToken);
            return;
        }
        await responder.AnswerAsync(turn, question, cancellationToken);
    }
}
