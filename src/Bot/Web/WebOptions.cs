using System.ComponentModel.DataAnnotations;

namespace Bot.Web;

/// <summary>The members' web chat and the officers' dashboard, served by the same host as the webhooks (section "Web").</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>
    /// The web chat and the dashboard at all. On by default; false serves neither (a bot that only takes Telegram's or
    /// Zalo's webhooks; webhooks, health and metrics are still served) and /quantri says the dashboard is off.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The members' web chat at "/". On by default; set false when only Telegram or Zalo should reach members.</summary>
    public bool ChatEnabled { get; set; } = true;

    /// <summary>Whether the web chat is served: it is on and the web is.</summary>
    public bool ServesChat => Enabled && ChatEnabled;

    /// <summary>
    /// The address people open (behind a reverse proxy: its https address); sign-in links start with it. Empty: the first
    /// address this host listens on.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long a sign-in link sent by /quantri can be used (once).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an officer's session lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Messages kept per visitor for the page (the conversation itself is in the bot's state).</summary>
    [Range(20, 1000)]
    public int ChatHistory { get; set; } = 200;

    /// <summary>
    /// Served over https (behind a proxy that ends TLS, the request itself looks like http): every cookie is then sent
    /// over https only.
    /// </summary>
    public bool HttpsOnly => PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    public static bool SecureCookies(HttpContext http) =>
        http.Request.IsHttps || http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.HttpsOnly;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicUrl)) yield break;
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            yield return new ValidationResult($"Web:PublicUrl must be an absolute http(s) address, not '{PublicUrl}'.", [nameof(PublicUrl)]);
    }
}
