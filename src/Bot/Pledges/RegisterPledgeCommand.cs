using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>/dangky (/pledge): the guided form, or a quick registration when something follows ("/dangky LĐTT").</summary>
public sealed class RegisterPledgeCommand(PledgeStarter starter, QuickPledgeParser parser) : ICommand
{
    public IReadOnlyList<string> Names => ["dangky", "pledge", "dang_ky", "dangki"];
    public bool StartsFlow => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || parser.IsOnlyFillers(args))
        {
            await starter.StartGuidedAsync(turn, null, cancellationToken);
            return;
        }
        var parsed = parser.Parse(args);
        if (parsed.Understood) await starter.StartAsync(turn, parsed.Draft, cancellationToken);
        else await starter.ExplainAsync(turn, parsed.Failure, cancellationToken);
    }
}

/// <summary>
/// "đăng ký lao động tiên tiến" typed in a private chat. Only a message that names a title (or is just "đăng ký")
/// is taken; "đăng ký thi đua như thế nào?" is a question and goes on to the FAQ.
/// </summary>
public sealed class PledgeTextHandler(PledgeStarter starter, QuickPledgeParser parser) : ITextHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (turn.Activity.ChatKind != ChatKind.Private || text.TrimEnd().EndsWith('?') || !parser.StartsWithRegisterWord(text)) return false;
        if (parser.IsOnlyFillers(text))
        {
            await starter.StartGuidedAsync(turn, null, cancellationToken);
            return true;
        }
        var parsed = parser.Parse(text);
        if (!parsed.Understood || parsed.Draft.TitleId is null) return false;
        await starter.StartAsync(turn, parsed.Draft, cancellationToken);
        return true;
    }
}

/// <summary>Deep links into the private chat: "pledge_&lt;planId&gt;" opens the form (continuing a group start), "mypledges" the member's list.</summary>
public sealed class PledgeStartPayload(PledgeStarter starter, MyPledgesCommand myPledges, Bot.Content.BotContent content) : IStartPayloadHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turn, string payload, CancellationToken cancellationToken)
    {
        if (payload == PledgePayloads.MyPledges)
        {
            await myPledges.HandleAsync(turn, "", cancellationToken);
            return true;
        }
        if (payload != PledgePayloads.Form && !payload.StartsWith(PledgePayloads.Form + "_", StringComparison.Ordinal)) return false;
        var planId = payload.Length > PledgePayloads.Form.Length ? content.FindPlan(payload[(PledgePayloads.Form.Length + 1)..])?.Id : null;
        await starter.StartGuidedAsync(turn, planId, cancellationToken);
        return true;
    }
}
