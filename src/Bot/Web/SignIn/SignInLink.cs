using LiteDB;

namespace Bot.Web.SignIn;

/// <summary>A one-time sign-in link sent by /quantri. Only a hash of its secret is stored, so the database cannot sign anyone in.</summary>
public sealed class SignInLink
{
    /// <summary>SHA-256 of the link's secret, hex.</summary>
    [BsonId]
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "vi";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>An officer's dashboard session; the cookie names it, and every request checks it is still open.</summary>
public sealed class WebSession
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

public enum RedeemOutcome { SignedIn, Unknown, Expired, AlreadyUsed }

public sealed record RedeemResult(RedeemOutcome Outcome, SignInLink? Link);
