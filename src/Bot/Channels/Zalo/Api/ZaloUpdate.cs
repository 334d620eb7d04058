namespace Bot.Channels.Zalo.Api;

/// <summary>One inbound event as Zalo describes it (zalo.md §1.4), already normalised by <see cref="ZaloUpdateParser"/>.</summary>
public sealed record ZaloUpdate(string? EventName, ZaloMessage Message)
{
    public const string Text = "message.text.received";
    public const string Image = "message.image.received";
    public const string Sticker = "message.sticker.received";
    public const string Unsupported = "message.unsupported.received";
}

public sealed record ZaloMessage
{
    public string? MessageId { get; init; }
    public required string ChatId { get; init; }
    public bool IsGroup { get; init; }
    public required string FromId { get; init; }
    public string FromName { get; init; } = "";
    public bool FromIsBot { get; init; }

    /// <summary>Zalo sends Unix milliseconds.</summary>
    public DateTimeOffset? Date { get; init; }

    public string? Text { get; init; }
    public string? Caption { get; init; }
    public string? PhotoUrl { get; init; }
    public string? Sticker { get; init; }
}

public sealed record ZaloBotInfo(string Id, string? AccountName, string? DisplayName);

public sealed record ZaloWebhookInfo(string Url);

public sealed record ZaloSentMessage(string? MessageId);
