using System.Text.RegularExpressions;

namespace Bot.Channels.Zalo;

public enum ZaloMode { Polling, Webhook }

public sealed class ZaloOptions
{
    public const string Section = "Zalo";
    public const string DefaultApiBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>"{bot_id}:{secret}" from Zalo Bot Creator. It sits in every request URL: never log it.</summary>
    public string? BotToken { get; set; }

    public ZaloMode Mode { get; set; } = ZaloMode.Polling;

    /// <summary>
    /// Webhook mode: the longest "200" waits for an event's turn to commit (its outcome then stands for the stored
    /// event, one commit instead of two) before the event is stored alone. 0 stores every event at once, before its turn.
    /// </summary>
    public int WebhookAnswerWithinMilliseconds { get; set; } = 150;

    /// <summary>Public HTTPS address Zalo posts to (Webhook mode); its path is also the local route.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>8–256 characters; Zalo echoes it in X-Bot-Api-Secret-Token.</summary>
    public string? WebhookSecret { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>How long one getUpdates call waits for an update; the HTTP timeout is this plus 10 s.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>The bot's name as members type it in an @mention; getMe's names are used as well.</summary>
    public string? BotName { get; set; }

    /// <summary>A turn still running after this long shows "typing…" in the chat.</summary>
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromSeconds(1);

    internal string Token => BotToken?.Trim() ?? "";
}

/// <summary>Checks the settings at start, so a typo stops the service with a message instead of failing at the first send.</summary>
public sealed partial class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions o)
    {
        var errors = new List<string>();
        // The secret part must not break the URL path it is placed in.
        if (!TokenShape().IsMatch(o.Token))
            errors.Add("Zalo:BotToken must look like \"<bot id>:<secret>\" (digits, a colon, then no spaces, '/', '?' or '#').");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            errors.Add("Zalo:ApiBaseUrl must be an absolute http(s) address.");
        if (o.PollTimeoutSeconds is < 1 or > 60)
            errors.Add("Zalo:PollTimeoutSeconds must be between 1 and 60.");
        if (o.WebhookAnswerWithinMilliseconds is < 0 or > 1000)
            errors.Add("Zalo:WebhookAnswerWithinMilliseconds must be between 0 (store each event before its turn) and 1000 (Zalo is said to wait 5 s for an answer).");
        if (o.TypingAfter <= TimeSpan.Zero)
            errors.Add("Zalo:TypingAfter must be positive.");
        if (o.Mode == ZaloMode.Webhook)
        {
            if (!Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
                errors.Add("Zalo:WebhookUrl must be an absolute https address when Zalo:Mode is Webhook (Zalo rejects http and private addresses).");
            if (o.WebhookSecret is not { Length: >= 8 and <= 256 })
                errors.Add("Zalo:WebhookSecret must be 8 to 256 characters when Zalo:Mode is Webhook.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^[0-9]+:[^\s/?#]+$")]
    private static partial Regex TokenShape();
}
