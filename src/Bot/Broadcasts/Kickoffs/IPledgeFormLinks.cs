namespace Bot.Broadcasts.Kickoffs;

/// <summary>
/// The link that opens the pledge form for a plan in the member's private chat (Telegram: t.me/&lt;bot&gt;?start=…).
/// The pledges feature owns the payload format and the channels own the links; until they are wired in, the
/// default has none and the kickoff tells members to type /dangky instead.
/// </summary>
public interface IPledgeFormLinks
{
    string? For(string channel, string planId);
}

public sealed class NoPledgeFormLinks : IPledgeFormLinks
{
    public string? For(string channel, string planId) => null;
}
