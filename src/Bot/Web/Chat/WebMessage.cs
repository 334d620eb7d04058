namespace Bot.Web.Chat;

/// <summary>One line of a visitor's page: what they sent or what the bot answered. <see cref="Seq"/> grows with every change (an edit too).</summary>
public sealed record WebMessage(string Id, long Seq, bool FromBot, string Text, IReadOnlyList<WebButton> Buttons, WebFile? File);

public sealed record WebButton(string Label, string? Data, string? Url);

/// <summary>A file the bot sent (an export); downloaded by the same visitor only.</summary>
public sealed record WebFile(string Id, string Name, string ContentType)
{
    public byte[] Content { get; init; } = [];
}
