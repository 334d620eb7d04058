using System.Text.RegularExpressions;
using Bot.Faq;

namespace Bot.Web.Unanswered;

/// <summary>Keeps each question the FAQ could not answer outright, without who asked and with digits masked.</summary>
public sealed partial class UnansweredRecorder(IUnansweredQuestionStore store, TimeProvider time) : IFaqMissObserver
{
    public const int MaxLength = 200;

    public Task OnMissAsync(string question, FaqOutcome outcome, string language, CancellationToken cancellationToken)
    {
        var text = Digits().Replace(question.Trim(), "#");
        if (text.Length == 0) return Task.CompletedTask;
        if (text.Length > MaxLength) text = text[..MaxLength];
        return store.RecordAsync(new UnansweredQuestion { Text = text, Outcome = outcome.ToString(), Language = language, At = time.GetUtcNow() }, cancellationToken);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
