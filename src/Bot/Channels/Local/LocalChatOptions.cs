namespace Bot.Channels.Local;

public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";

    /// <summary>null = on when no Telegram or Zalo token is configured.</summary>
    public bool? Enabled { get; set; }

    public string UserId { get; set; } = "local-user";
    public string UserName { get; set; } = "";
    public string ChatId { get; set; } = "local";
}
