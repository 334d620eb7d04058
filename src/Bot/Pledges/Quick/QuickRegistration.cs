using Bot.Builder.State;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>
/// A registration typed as one message (/dangky …, /dang ky …, or "đăng ký …" in a private chat): read it, say which
/// fields were guessed, and start the form with what was found — or refuse, quoting the message, and read the member's
/// next line in the private chat as the corrected registration instead of letting it fall to the FAQ.
/// </summary>
public sealed class QuickRegistration(PledgeStarter starter, QuickPledgeParser parser, PledgeContent pledges, Say say)
{
    /// <summary>How long after a refusal the next line is read as the corrected registration.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(30);

    private const string RetryProperty = "pledge.quick-retry";
    private const int QuoteLength = 120;

    /// <summary>/dangky with arguments.</summary>
    public async Task RegisterAsync(ITurnContext turn, string text, CancellationToken ct)
    {
        await turn.State.RemoveAsync(StateScope.Conversation, RetryProperty, ct);
        if (text.Length == 0 || parser.IsOnlyFillers(text))
        {
            await starter.StartGuidedAsync(turn, null, ct);
            return;
        }
        var parsed = parser.Parse(text);
        if (parsed.Understood) await StartAsync(turn, parsed, ct);
        else await RefuseAsync(turn, parsed.Failure, text, ct);
    }

    /// <summary>
    /// Plain text in a private chat: the line after a refusal, a message starting with a register word, or one holding a
    /// name, a unit and a title — unless it is a question ("đăng ký thi đua là gì?", "làm sao để đăng ký" stay with the FAQ).
    /// </summary>
    public async Task<bool> TryPlainTextAsync(ITurnContext turn, string text, CancellationToken ct)
    {
        if (turn.Activity.ChatKind != ChatKind.Private) return false;
        if (await turn.State.GetAsync<QuickRetry>(StateScope.Conversation, RetryProperty, ct) is { } retry)
        {
            await turn.State.RemoveAsync(StateScope.Conversation, RetryProperty, ct);
            if (turn.Time.GetUtcNow() - retry.RefusedAt <= RetryWindow) return await RetryAsync(turn, text, ct);
        }
        if (!parser.IsPlainRegistration(text)) return false;
        await RegisterAsync(turn, text, ct);
        return true;
    }

    private async Task<bool> RetryAsync(ITurnContext turn, string text, CancellationToken ct)
    {
        // The refusal said so: a question (ending with "?") is answered as a question.
        if (parser.IsQuestion(text)) return false;
        if (PledgeVocabulary.Matches(pledges.Vocabulary.StopWords, text))
        {
            await say.SendAsync(turn, "pledge-quick.retry-cancelled");
            return true;
        }
        if (parser.IsOnlyFillers(text))
        {
            await starter.StartGuidedAsync(turn, null, ct);
            return true;
        }
        var parsed = parser.Parse(text);
        if (parsed.Understood)
        {
            await StartAsync(turn, parsed, ct);
            return true;
        }
        // A second unreadable line: the guided form asks one field at a time rather than refusing again.
        await say.SendAsync(turn, "pledge-quick.retry-guided", ("message", Quote(text)));
        await starter.StartGuidedAsync(turn, null, ct);
        return true;
    }

    private async Task StartAsync(ITurnContext turn, QuickParse parsed, CancellationToken ct)
    {
        var shown = parsed.Guessed.Where(parsed.Draft.Has).ToList();
        if (shown.Count > 0)
        {
            var lang = await say.LanguageAsync(turn, ct);
            var fields = string.Join(", ", shown.Select(f => say.Texts.Get(lang, $"pledge.field-{FieldKey(f)}").ToLower(System.Globalization.CultureInfo.InvariantCulture)));
            await turn.SendAsync(say.Texts.Get(lang, "pledge-quick.guessed", ("fields", fields)), ct);
        }
        await starter.StartAsync(turn, parsed.Draft, ct);
    }

    /// <summary>Says why, quoting the member's own message; in a private chat the next line gets a second reading.</summary>
    private async Task RefuseAsync(ITurnContext turn, QuickFailure failure, string text, CancellationToken ct)
    {
        var lang = await say.LanguageAsync(turn, ct);
        var titles = string.Join(", ", pledges.Form.Titles.Select(t => t.Abbreviations.Count > 0 ? t.Abbreviations[0] : t.Name.For(lang)));
        var key = failure switch
        {
            QuickFailure.TooLong => "pledge-quick.too-long",
            QuickFailure.InvalidCharacters => "pledge-quick.invalid",
            _ => "pledge-quick.not-understood",
        };
        var reply = say.Texts.Get(lang, key, ("max", QuickPledgeParser.MaxLength), ("titles", titles), ("message", Quote(text)));
        if (failure == QuickFailure.NotUnderstood && turn.Activity.ChatKind == ChatKind.Private)
        {
            await turn.State.SetAsync(StateScope.Conversation, RetryProperty, new QuickRetry(turn.Time.GetUtcNow()), ct);
            reply += "\n" + say.Texts.Get(lang, "pledge-quick.retry-hint", ("minutes", (int)RetryWindow.TotalMinutes));
        }
        await turn.SendAsync(reply, ct);
    }

    private static string Quote(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= QuoteLength ? oneLine : oneLine[..QuoteLength] + "…";
    }

    private static string FieldKey(PledgeField field) => field switch
    {
        PledgeField.InitiativeField => "initiative-field",
        _ => field.ToString().ToLowerInvariant(),
    };
}

/// <summary>A quick registration was refused at this time: the member's next private line is read as its correction.</summary>
public sealed record QuickRetry(DateTimeOffset RefusedAt);
