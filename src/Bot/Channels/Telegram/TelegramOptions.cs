using System.Text.RegularExpressions;

namespace Bot.Channels.Telegram;

/// <summary>Settings of the "Telegram" section. The channel is on when <see cref="BotToken"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public const string PollingMode = "Polling";
    public const string WebhookMode = "Webhook";

    /// <summary>From @BotFather; comes from an environment variable (Telegram__BotToken) or user secrets, never a committed file.</summary>
    public string? BotToken { get; set; }

    /// <summary>"Polling" (default: works behind any firewall) or "Webhook" (needs a public HTTPS address).</summary>
    public string Mode { get; set; } = PollingMode;

    /// <summary>The public address Telegram posts updates to; its path is where this host listens.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token, so forged posts can be refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>A local Bot API server (or the tests' fake) instead of api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>How long one getUpdates waits for news; Telegram answers after about 50 s at most anyway.</summary>
    public int PollTimeoutSeconds { get; set; } = 50;

    /// <summary>
    /// Webhook mode: how long the answer to a post may wait for the update's own turn to commit. A quick turn's commit
    /// stands for the stored update (one commit and one fsync per update instead of two); a slower turn's update is
    /// stored alone when this runs out. 0 stores every update at once, before its turn.
    /// </summary>
    public int WebhookAnswerWithinMilliseconds { get; set; } = 150;

    public bool IsWebhook => string.Equals(Mode, WebhookMode, StringComparison.OrdinalIgnoreCase);

    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
}

/// <summary>Checks the settings at start with messages that say what to fix — and never repeat the token.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.BotToken)) return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        if (!TokenShape().IsMatch(o.BotToken.Trim()))
            problems.Add("Telegram:BotToken does not look like a bot token: expected <digits>:<secret> as given by @BotFather (the value is not shown here).");
        if (!string.Equals(o.Mode, TelegramOptions.PollingMode, StringComparison.OrdinalIgnoreCase) && !o.IsWebhook)
            problems.Add($"Telegram:Mode must be '{TelegramOptions.PollingMode}' or '{TelegramOptions.WebhookMode}', not '{o.Mode}'.");
        if (o.ApiBaseUrl is { Length: > 0 } api && !IsHttpUrl(api, out _))
            problems.Add("Telegram:ApiBaseUrl must be an absolute http(s) address of a Bot API server, e.g. http://127.0.0.1:8081.");
        if (o.PollTimeoutSeconds is < 1 or > 100)
            problems.Add("Telegram:PollTimeoutSeconds must be between 1 and 100 (Telegram answers after about 50 s anyway).");
        if (o.WebhookAnswerWithinMilliseconds is < 0 or > 1000)
            problems.Add("Telegram:WebhookAnswerWithinMilliseconds must be between 0 (store each update before its turn) and 1000 (Telegram waits for the answer to each post).");
        if (o.IsWebhook) ValidateWebhook(o, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateWebhook(TelegramOptions o, List<string> problems)
    {
        if (!IsHttpUrl(o.WebhookUrl, out var url))
            problems.Add("Telegram:WebhookUrl is required in webhook mode: the public https:// address Telegram posts updates to, e.g. https://bot.example.org/telegram/webhook.");
        // Telegram only posts to HTTPS; a local Bot API server also allows plain HTTP on any port.
        else if (url.Scheme != Uri.UriSchemeHttps && string.IsNullOrEmpty(o.ApiBaseUrl))
            problems.Add("Telegram:WebhookUrl must start with https:// (Telegram does not post to plain http).");
        else if (url.AbsolutePath.Length <= 1)
            problems.Add("Telegram:WebhookUrl needs a path (e.g. /telegram/webhook): this host listens on that path.");
        if (o.WebhookSecret is null || !SecretShape().IsMatch(o.WebhookSecret))
            problems.Add("Telegram:WebhookSecret is required in webhook mode: 1–256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule).");
    }

    private static bool IsHttpUrl(string? value, out Uri url)
    {
        url = null!;
        return Uri.TryCreate(value, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
    }

    // The shape Telegram.Bot itself accepts (digits, a colon, a secret); real secrets are ~35 characters, but local
    // Bot API servers and test doubles use shorter ones.
    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
