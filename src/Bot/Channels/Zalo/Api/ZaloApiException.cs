namespace Bot.Channels.Zalo.Api;

/// <summary>
/// A Zalo Bot API call that did not succeed: <see cref="ErrorCode"/> is Zalo's error_code (or the HTTP status),
/// 408 also when our own deadline passed, 0 when the request could not be made (network trouble).
/// </summary>
public sealed class ZaloApiException(string method, int errorCode, string description, Exception? inner = null)
    : Exception($"Zalo {method} failed ({(errorCode == 0 ? "network" : errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}): {description}", inner)
{
    public string Method { get; } = method;
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;

    /// <summary>Worth another try later: rate limit, server trouble, timeout, no answer.</summary>
    public bool IsTransient => ErrorCode is 0 or 408 or 429 or >= 500;
}
