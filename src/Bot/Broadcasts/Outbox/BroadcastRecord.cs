using LiteDB;

namespace Bot.Broadcasts.Outbox;

public enum BroadcastKind { Announcement, Kickoff }

public enum BroadcastState { Sending, Completed, Cancelled }

public enum RecipientState { Pending, Sent, Failed, Unreachable, Cancelled }

/// <summary>One broadcast as stored: what to say (per channel and language), to whom it was decided, who hears about progress.</summary>
public sealed class BroadcastRecord
{
    [BsonId(autoId: true)]
    public int Id { get; set; }

    public BroadcastKind Kind { get; set; }
    public string? PlanId { get; set; }
    public string? PhaseId { get; set; }
    public int? ScheduleId { get; set; }

    /// <summary>"channel:userId" of the officer who confirmed it, or "schedule" for an automatic kickoff.</summary>
    public string CreatedBy { get; set; } = "";

    public AudienceSpec Audience { get; set; } = new();
    public List<MessageVariant> Variants { get; set; } = [];
    public List<ReportChat> ReportTo { get; set; } = [];
    public BroadcastState State { get; set; }
    public int Total { get; set; }
    public string? CancelledBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public MessageVariant VariantFor(string channel, string language) =>
        Variants.FirstOrDefault(v => v.Channel == channel && v.Language == language)
        ?? Variants.FirstOrDefault(v => v.Channel == channel)
        ?? Variants[0];
}

public sealed class AudienceSpec
{
    public AudienceKind Kind { get; set; }

    /// <summary>Only members who registered for this plan (private chats only).</summary>
    public string? PlanId { get; set; }

    /// <summary>Only members of this unit (private chats only).</summary>
    public string? Unit { get; set; }

    [BsonIgnore]
    public bool Filtered => PlanId is not null || Unit is not null;
}

/// <summary>The message as one channel and language receive it; the button is the pledge-form link where the channel has one.</summary>
public sealed class MessageVariant
{
    public string Channel { get; set; } = "";
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
    public string? ButtonLabel { get; set; }
    public string? ButtonUrl { get; set; }

    public Reply ToReply() => new()
    {
        Text = Text,
        Buttons = ButtonLabel is not null && ButtonUrl is not null ? [new Button(ButtonLabel, Url: ButtonUrl)] : [],
    };
}

/// <summary>A chat told about progress: the officer who started the broadcast, or every officer for a scheduled one.</summary>
public sealed class ReportChat
{
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public ChatKind Kind { get; set; }
    public string Language { get; set; } = "vi";

    /// <summary>The progress message sent when the officer confirmed; edited while sending.</summary>
    public string? ProgressMessageId { get; set; }

    [BsonIgnore]
    public ConversationAddress Address => new(Channel, ChatId, Kind);
}

/// <summary>One (broadcast, recipient) row, written before anything is sent. Ids sort in sending order.</summary>
public sealed class OutboxRow
{
    [BsonId]
    public string Id { get; set; } = "";

    public int BroadcastId { get; set; }
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public ChatKind Kind { get; set; }
    public string Language { get; set; } = "vi";

    /// <summary>A member's name or a group's title, for the report of unreachable recipients.</summary>
    public string Title { get; set; } = "";

    public RecipientState State { get; set; }
    public string? Reason { get; set; }
    public string? MessageId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [BsonIgnore]
    public ConversationAddress Address => new(Channel, ChatId, Kind);

    public static string IdOf(int broadcastId, int seq) => $"{broadcastId:D8}:{seq:D8}";

    /// <summary>Every row id of a broadcast sorts between these two.</summary>
    public static (string From, string To) RangeOf(int broadcastId) => ($"{broadcastId:D8}:", $"{broadcastId:D8};");
}
