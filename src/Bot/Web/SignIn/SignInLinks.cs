using System.Security.Cryptography;
using Bot.Members;

namespace Bot.Web.SignIn;

/// <summary>
/// Issues and redeems the dashboard's sign-in links: a random secret (only its hash is stored), valid for
/// Web:SignInLinkLifetime (10 minutes), usable once, only for someone who is an officer at issue and at redemption.
/// </summary>
public sealed class SignInLinks(ISignInStore store, WebAddress address, OfficerRoster roster, IOptions<WebOptions> options, TimeProvider time, ILogger<SignInLinks> logger)
{
    public const string Path = "/quantri/vao/";

    public async Task<string> IssueAsync(Actor officer, CancellationToken ct = default)
    {
        if (!officer.IsOfficer) throw new NotAllowedException("sign in to the dashboard");
        var secret = Visitor.Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await store.AddLinkAsync(new SignInLink
        {
            Id = Hash(secret), Channel = officer.Channel, UserId = officer.UserId, Name = officer.Name, Language = officer.Language,
            CreatedAt = now, ExpiresAt = now + options.Value.SignInLinkLifetime,
        }, ct);
        logger.LogInformation("Dashboard sign-in link issued to {Officer}", officer.Key);
        return address.Base + Path + secret;
    }

    /// <summary>Uses the link once; a link whose officer lost the role since it was sent signs nobody in.</summary>
    public async Task<RedeemResult> RedeemAsync(string secret, CancellationToken ct = default)
    {
        if (secret.Length is < 20 or > 100) return new(RedeemOutcome.Unknown, null);
        var result = await store.RedeemAsync(Hash(secret), time.GetUtcNow(), ct);
        if (result is { Outcome: RedeemOutcome.SignedIn, Link: { } link } && roster.RolesOf(link.Channel, link.UserId).Count == 0)
            return new(RedeemOutcome.Unknown, null);
        return result;
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
