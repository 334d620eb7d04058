namespace Bot.Broadcasts.Outbox;

public sealed record Recipient(string Channel, string ChatId, ChatKind Kind, string Language, string Title);

/// <summary>
/// The persistent outbox: broadcasts and one row per recipient. A broadcast exists completely (with all its rows)
/// or not at all, and every change of state is conditional, so two workers or an officer's stop cannot overwrite
/// each other. Any implementation must pass BroadcastStoreContract.
/// </summary>
public interface IBroadcastStore
{
    /// <summary>
    /// Stores the broadcast (Sending, with its Id, Total and CreatedAt set) and one pending row per recipient.
    /// <paramref name="claim"/> is a write of the same storage (a schedule's claim) committed in the same unit: when
    /// it is refused nothing is stored and null is returned.
    /// </summary>
    Task<BroadcastRecord?> CreateAsync(BroadcastRecord record, IReadOnlyList<Recipient> recipients, object? claim = null, CancellationToken cancellationToken = default);

    Task<BroadcastRecord?> FindAsync(int id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BroadcastRecord>> SendingAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BroadcastRecord>> ForScheduleAsync(int scheduleId, CancellationToken cancellationToken = default);

    /// <summary>The newest broadcasts first, whatever their state (the officers' history).</summary>
    Task<IReadOnlyList<BroadcastRecord>> RecentAsync(int limit, CancellationToken cancellationToken = default);

    Task SaveReportChatsAsync(int id, List<ReportChat> reportTo, CancellationToken cancellationToken = default);

    /// <summary>Sending → Completed or Cancelled; false when someone else finished it first.</summary>
    Task<bool> FinishAsync(int id, BroadcastState state, string? cancelledBy = null, CancellationToken cancellationToken = default);

    /// <summary>The next pending rows after <paramref name="afterId"/>, in sending order.</summary>
    Task<IReadOnlyList<OutboxRow>> PendingAsync(int broadcastId, string? afterId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxRow>> RowsOfAsync(int broadcastId, CancellationToken cancellationToken = default);

    Task<Dictionary<RecipientState, int>> CountsAsync(int broadcastId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how a send ended (sent right after the platform confirmed, or why it failed). Only the outcome is
    /// written: the chat id may have followed a group migration meanwhile.
    /// </summary>
    Task SaveAsync(OutboxRow row, CancellationToken cancellationToken = default);

    /// <summary>Pending rows of the broadcast become cancelled; returns how many.</summary>
    Task<int> CancelPendingAsync(int broadcastId, CancellationToken cancellationToken = default);

    /// <summary>A group became a supergroup: pending rows of running broadcasts follow it to the new id.</summary>
    Task MovePendingAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default);

    /// <summary>Drops the recipient rows of broadcasts finished before <paramref name="before"/>; the broadcast records stay.</summary>
    Task<int> ForgetRowsFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>
    /// Blanks the name kept in report rows for these private chats (a member asked to be forgotten); a group's rows
    /// keep its title. Returns how many rows changed.
    /// </summary>
    Task<int> AnonymiseRecipientAsync(string channel, IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken = default);
}
