namespace Bot.Builder.Activities;

/// <summary>An option the user can pick: by button where the channel has them, by number or label otherwise.</summary>
public sealed record Choice(string Value, string Label)
{
    /// <summary>Other words that pick this choice (abbreviations, spelling variants).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

/// <summary>A button as the channel renders it: callback data or a link.</summary>
public sealed record Button(string Label, string? Data = null, string? Url = null);

public sealed record ReplyFile(string FileName, string ContentType, byte[] Content);

/// <summary>One outbound message. Text is "HTML-lite" (b, i, a): Telegram renders it, plain-text channels strip it.</summary>
public sealed record Reply
{
    public string Text { get; init; } = "";
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Buttons as rendered; the pipeline fills these from <see cref="Choices"/> on channels with buttons.</summary>
    public IReadOnlyList<Button> Buttons { get; init; } = [];

    /// <summary>Edit this earlier message instead of sending a new one (channels without editing send anew).</summary>
    public string? EditMessageId { get; init; }

    public string? ReplyToMessageId { get; init; }
    public ReplyFile? File { get; init; }

    public static implicit operator Reply(string text) => new() { Text = text };
}

public sealed record ChannelCapabilities
{
    public bool Buttons { get; init; }
    public bool EditMessages { get; init; }
    public bool Files { get; init; }
    public bool Html { get; init; }
    public int MaxTextLength { get; init; } = 4096;
}
