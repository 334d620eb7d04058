namespace Bot.Builder.Activities;

public enum ChatKind { Private, Group }

public enum ActivityKind
{
    Message,
    /// <summary>A button (inline keyboard) was pressed; <see cref="Activity.ButtonData"/> holds its data.</summary>
    Button,
    /// <summary>The bot was added to a group.</summary>
    BotAdded,
    /// <summary>The bot was removed from a group or blocked by the user.</summary>
    BotRemoved,
    /// <summary>Something the bot cannot read (sticker, photo, voice…).</summary>
    Unsupported,
}

/// <summary>One inbound event, translated by a channel adapter into channel-neutral form.</summary>
public sealed record Activity
{
    public required string Channel { get; init; }
    public required string ChatId { get; init; }
    public ChatKind ChatKind { get; init; } = ChatKind.Private;
    public required string UserId { get; init; }
    public string UserName { get; init; } = "";

    /// <summary>The stored update this activity came from (<see cref="Pipeline.IReceivedUpdates"/>); its turn removes it.</summary>
    public long? ReceiptId { get; init; }
    public ActivityKind Kind { get; init; } = ActivityKind.Message;
    public string? MessageId { get; init; }

    /// <summary>Text with any "@ThisBot" suffix of a command already removed by the adapter.</summary>
    public string? Text { get; init; }

    public string? ButtonData { get; init; }
    public bool IsReplyToBot { get; init; }

    /// <summary>The user's client language (e.g. "en"), when the platform tells it.</summary>
    public string? Language { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public ConversationAddress Address => new(Channel, ChatId, ChatKind);

    public string? Command => CommandLine.Parse(Text)?.Name;

    public string CommandArgs => CommandLine.Parse(Text)?.Args ?? "";
}

public sealed record ConversationAddress(string Channel, string ChatId, ChatKind Kind)
{
    public string Key => $"{Channel}:{ChatId}";
}
