namespace Bot.Pledges;

/// <summary>
/// Links that open the bot's private chat with a start payload (Telegram: https://t.me/&lt;bot&gt;?start=&lt;payload&gt;).
/// A channel that has them replaces the default, which has none: the bot then tells the member to open the private chat.
/// </summary>
public interface IDeepLinks
{
    /// <summary>The link, or null when the channel has no such links. Payload: at most 64 characters of A-Z a-z 0-9 _ -.</summary>
    string? PrivateChatLink(string channel, string payload);
}

public sealed class NoDeepLinks : IDeepLinks
{
    public string? PrivateChatLink(string channel, string payload) => null;
}

public static class PledgePayloads
{
    public const string Form = "pledge";
    public const string MyPledges = "mypledges";

    /// <summary>"pledge_tld-2021": the form for that plan (plan ids are lower-case letters, digits and dashes).</summary>
    public static string FormFor(string? planId)
    {
        var payload = planId is null ? Form : $"{Form}_{planId}";
        return payload.Length <= 64 ? payload : Form;
    }
}
