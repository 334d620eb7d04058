namespace Bot.Faq;

/// <summary>
/// Told when a question got no outright answer (declined, or "did you mean"), so officers can see which content to add
/// (the web dashboard counts them). Called inside the member's turn; a failing observer never costs the answer.
/// </summary>
public interface IFaqMissObserver
{
    Task OnMissAsync(string question, FaqOutcome outcome, string language, CancellationToken cancellationToken);
}
