using System.Globalization;
using Bot.Broadcasts.Outbox;
using Bot.Builder.Dialogs;
using Bot.Builder.Recognizers;
using Bot.Content;
using Bot.Movements;

namespace Bot.Broadcasts.Dialogs;

/// <summary>/phatdong (/kickoff) [plan] [phase]: "/phatdong tld-2021 2" goes straight to the audience question.</summary>
public sealed class KickoffCommand(DialogRunner dialogs, BotContent content) : Conversations.ICommand
{
    public IReadOnlyList<string> Names => ["phatdong", "kickoff", "phat_dong"];
    public bool OfficerOnly => true;
    public bool StartsFlow => true;

    public Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var plan = words.Length > 0 ? PlanFormat.Pick(content, words[0]) : null;
        var phase = plan is not null && words.Length > 1 ? PickPhase(plan, string.Join(' ', words[1..])) : null;
        return dialogs.BeginAsync(turn, nameof(LaunchKickoffDialog),
            new BroadcastDraft { Kind = BroadcastKind.Kickoff, PlanId = plan?.Id, PhaseId = phase?.Id }, cancellationToken);
    }

    /// <summary>"dot-2", "2" or "đợt 2".</summary>
    private static Phase? PickPhase(Plan plan, string text)
    {
        var folded = VietnameseText.Fold(text);
        return plan.Phases.FirstOrDefault(p => p.Id == folded || VietnameseText.Fold(p.Name.Vi) == folded)
            ?? (int.TryParse(folded.Replace("dot", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? plan.Phases.FirstOrDefault(p => p.Number == n) : null);
    }
}

/// <summary>/thongbao (/broadcast) &lt;text&gt;.</summary>
public sealed class AnnounceCommand(DialogRunner dialogs) : Conversations.ICommand
{
    public IReadOnlyList<string> Names => ["thongbao", "broadcast", "thong_bao"];
    public bool OfficerOnly => true;
    public bool StartsFlow => true;

    public Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken) =>
        dialogs.BeginAsync(turn, nameof(SendAnnouncementDialog),
            new BroadcastDraft { Kind = BroadcastKind.Announcement, Text = args.Trim().Length > 0 ? args.Trim() : null }, cancellationToken);
}
