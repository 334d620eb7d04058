using Telegram.Bot.Exceptions;

namespace Bot.Channels.Telegram;

/// <summary>
/// Turns Telegram.Bot's exceptions into the channel-neutral <see cref="ChannelSendException"/> the delivery road
/// understands, and keeps the bot token out of every message: it sits in each request URL.
/// </summary>
public sealed class TelegramErrors(IOptions<TelegramOptions> options)
{
    private readonly string _token = options.Value.BotToken?.Trim() ?? "";

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _token.Length == 0) return text ?? "";
        return text.Replace(_token, "<token>", StringComparison.Ordinal)
                   .Replace(Uri.EscapeDataString(_token), "<token>", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An exception safe to log: same type name, message and stack, token removed.</summary>
    public Exception Redacted(Exception ex) => ex is RedactedException ? ex : new RedactedException(ex.GetType().Name, Redact(ex.Message), Redact(ex.ToString()));

    public ChannelSendException ToSendException(Exception ex, string chatId)
    {
        var safe = Redacted(ex);
        var message = $"Telegram refused a send to {chatId}: {safe.Message}";
        if (ex is not ApiRequestException api)
            return new ChannelSendException(SendFailure.Transient, message, safe); // network, timeout, unreadable answer
        if (api.Parameters?.MigrateToChatId is { } newId)
            return new ChannelSendException(SendFailure.Migrated, message, safe) { MigratedToChatId = newId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return api.ErrorCode switch
        {
            429 => new ChannelSendException(SendFailure.RateLimited, message, safe) { RetryAfter = TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1)) },
            403 => new ChannelSendException(SendFailure.Unreachable, message, safe), // blocked, kicked, deactivated
            400 when IsGone(api.Message) => new ChannelSendException(SendFailure.Unreachable, message, safe),
            >= 500 => new ChannelSendException(SendFailure.Transient, message, safe),
            _ => new ChannelSendException(SendFailure.Permanent, message, safe),
        };
    }

    public static bool IsTokenRejected(Exception ex) => ex is ApiRequestException { ErrorCode: 401 or 404 };

    public static bool IsDescribed(Exception ex, string fragment) =>
        ex is ApiRequestException api && api.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    private static bool IsGone(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) ||
        description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase) ||
        description.Contains("PEER_ID_INVALID", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Carries a scrubbed copy of another exception, so loggers print no secret.</summary>
public sealed class RedactedException(string originalType, string message, string detail) : Exception(message)
{
    public string OriginalType { get; } = originalType;
    public override string ToString() => detail;
}
