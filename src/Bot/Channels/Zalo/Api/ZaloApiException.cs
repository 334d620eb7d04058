namespace Bot.Channels.Zalo.Api;

/// <summary>
/// A Zalo Bot API call that did not succeed: <see cref="ErrorCode"/> is Zalo's error_code (or the HTTP status),
/// 0 when the request never got an answer (network trouble or our own timeout).
/// </summary>
public sealed class ZaloApiException(string method, int errorCode, string description, Exception? inner = null)
    : Exception($"Zalo {method} failed: {(errorCode == 0 ? "no answer" : errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture))} {description}".TrimEnd(), inner)
{
    public string Method { get; } = method;
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;

    /// <summary>Worth another try later: rate limit, server trouble, timeout, no answer.</summary>
    public bool IsTransient => ErrorCode is 0 or 408 or 429 or >= 500;
}
