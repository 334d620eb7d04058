using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>/dangky (/pledge), also typed "/dang ky": the guided form, or a quick registration when something follows ("/dangky LĐTT").</summary>
public sealed class RegisterPledgeCommand(QuickRegistration quick) : ICommand
{
    public IReadOnlyList<string> Names => ["dangky", "pledge", "dang_ky", "dangki"];
    public bool StartsFlow => true;

    public Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken) => quick.RegisterAsync(turn, args, cancellationToken);
}

/// <summary>"đăng ký giúp em LĐTT: …" typed in a private chat, and the line after a refused quick registration.</summary>
public sealed class PledgeTextHandler(QuickRegistration quick) : ITextHandler
{
    public int Order => TextHandlerOrder.QuickRegistration;

    public Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        quick.TryPlainTextAsync(turn, text, cancellationToken);
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
