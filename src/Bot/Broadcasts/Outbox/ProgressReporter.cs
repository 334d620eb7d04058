using System.Text;
using Bot.Broadcasts.Dialogs;
using Bot.Pacing;
using Bot.Content;

namespace Bot.Broadcasts.Outbox;

/// <summary>
/// The officer's view of a running broadcast: one progress message with a stop button, edited every few seconds
/// on channels that can edit (elsewhere only the final report is sent), and a final report that lists the
/// recipients who could not be reached. Progress is best effort: a failure here never stops the broadcast.
/// </summary>
public sealed class ProgressReporter(
    TurnPipeline pipeline, Delivery delivery, Texts texts, BotContent content, SendPacer pacer,
    TimeProvider time, ILogger<ProgressReporter> logger)
{
    public const int MaxListed = 30;

    public ProgressSession Open(BroadcastRecord broadcast, BroadcastProgress progress) => new(this, broadcast, progress);

    public sealed class ProgressSession(ProgressReporter reporter, BroadcastRecord broadcast, BroadcastProgress progress)
    {
        private readonly Dictionary<ReportChat, string> _shown = [];

        /// <summary>Posts the progress message where there is none yet (automatic kickoffs) or anew after a restart.</summary>
        public async Task BeginAsync(bool resumed, CancellationToken ct)
        {
            foreach (var chat in broadcast.ReportTo)
            {
                if (chat.ProgressMessageId is not null && !resumed) continue;
                var intro = resumed ? "broadcast.progress-resumed" : broadcast.ScheduleId is not null ? "broadcast.progress-scheduled" : null;
                var text = reporter.Text(broadcast, progress, chat.Language);
                if (intro is not null) text = reporter.Intro(broadcast, chat.Language, intro) + "\n" + text;
                chat.ProgressMessageId = await reporter.SendAsync(chat, reporter.WithStopButton(broadcast, chat.Language, text), ct);
                _shown[chat] = text;
            }
        }

        public async Task UpdateAsync(CancellationToken ct)
        {
            foreach (var chat in broadcast.ReportTo)
            {
                if (chat.ProgressMessageId is null || reporter.Connector(chat)?.Capabilities.EditMessages != true) continue;
                var text = reporter.Text(broadcast, progress, chat.Language);
                if (_shown.TryGetValue(chat, out var shown) && shown.EndsWith(text, StringComparison.Ordinal)) continue;
                _shown[chat] = text;
                await reporter.SendAsync(chat, reporter.WithStopButton(broadcast, chat.Language, text) with { EditMessageId = chat.ProgressMessageId }, ct);
            }
        }

        public async Task FinishAsync(IReadOnlyList<OutboxRow> rows, CancellationToken ct)
        {
            foreach (var chat in broadcast.ReportTo)
                await reporter.SendAsync(chat, new Reply { Text = reporter.Report(broadcast, progress, rows, chat.Language), EditMessageId = chat.ProgressMessageId }, ct);
        }
    }

    internal IChannelConnector? Connector(ReportChat chat) => pipeline.Connector(chat.Channel);

    internal Reply WithStopButton(BroadcastRecord b, string lang, string text) =>
        new() { Text = text, Buttons = [new Button(texts.Get(lang, "broadcast.stop-button"), $"{StopBroadcastButtons.Prefix}:stop:{b.Id}")] };

    internal string Intro(BroadcastRecord b, string lang, string key)
    {
        var plan = b.PlanId is null ? null : content.FindPlan(b.PlanId);
        var phase = plan?.Phases.FirstOrDefault(p => p.Id == b.PhaseId);
        return texts.Get(lang, key, ("id", b.Id), ("plan", plan?.Title.For(lang) ?? ""), ("phase", phase?.Name.For(lang) ?? ""));
    }

    internal string Text(BroadcastRecord b, BroadcastProgress p, string lang)
    {
        var now = time.GetUtcNow();
        var rate = b.Variants.Select(v => pacer.RateOf(v.Channel)).Min();
        var eta = p.EstimateLeft(now, rate);
        var text = BroadcastFormat.Html(texts, lang, "broadcast.progress",
            [("id", b.Id), ("done", p.Done), ("total", p.Total), ("sent", p.Sent), ("failed", p.Failed), ("unreachable", p.Unreachable)],
            ("eta", eta is { } e ? BroadcastFormat.Duration(texts, lang, e) : texts.Get(lang, "broadcast.eta-unknown")));
        var pausedUntil = b.Variants.Select(v => pacer.PausedUntil(v.Channel)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        if (pausedUntil > now)
            text += "\n" + BroadcastFormat.Html(texts, lang, "broadcast.progress-paused", [], ("wait", BroadcastFormat.Duration(texts, lang, pausedUntil - now)));
        return text;
    }

    internal string Report(BroadcastRecord b, BroadcastProgress p, IReadOnlyList<OutboxRow> rows, string lang)
    {
        var elapsed = BroadcastFormat.Duration(texts, lang, time.GetUtcNow() - b.CreatedAt);
        var sb = new StringBuilder(b.State == BroadcastState.Cancelled
            ? texts.Get(lang, "broadcast.done-cancelled", ("id", b.Id), ("by", b.CancelledBy ?? ""), ("sent", p.Sent), ("total", p.Total), ("cancelled", p.Cancelled))
            : BroadcastFormat.Html(texts, lang, "broadcast.done",
                [("id", b.Id), ("sent", p.Sent), ("total", p.Total), ("failed", p.Failed), ("unreachable", p.Unreachable)], ("elapsed", elapsed)));
        List(sb, lang, "broadcast.report-unreachable", rows.Where(r => r.State == RecipientState.Unreachable).ToList());
        List(sb, lang, "broadcast.report-failed", rows.Where(r => r.State == RecipientState.Failed).ToList());
        return sb.ToString();
    }

    private void List(StringBuilder sb, string lang, string headerKey, List<OutboxRow> rows)
    {
        if (rows.Count == 0) return;
        sb.Append("\n\n").Append(texts.Get(lang, headerKey));
        foreach (var r in rows.Take(MaxListed))
            // The recipient is already HTML (escaped inside its own text); a platform's reason is never read as a template.
            sb.Append('\n').Append(texts.Get(lang, "broadcast.report-line", [("reason", BroadcastFormat.Reason(r.Reason))],
                ("name", BroadcastFormat.Recipient(texts, lang, r.Title, r.Kind, r.ChatId))));
        if (rows.Count > MaxListed) sb.Append('\n').Append(texts.Get(lang, "broadcast.report-more", ("count", rows.Count - MaxListed)));
    }

    private async Task<string?> SendAsync(ReportChat chat, Reply reply, CancellationToken ct)
    {
        if (Connector(chat) is not { } connector) return null;
        try
        {
            // Not a reply to someone waiting: progress takes its turn with the broadcast and respects the chat's window.
            return await delivery.SendAsync(connector, chat.Address, reply, SendPriority.Broadcast, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not update the progress of broadcast in {Channel}:{ChatId}", chat.Channel, chat.ChatId);
            return null;
        }
    }
}
