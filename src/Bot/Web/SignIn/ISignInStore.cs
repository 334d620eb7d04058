namespace Bot.Web.SignIn;

/// <summary>Sign-in links and dashboard sessions: data of the web feature, written through the one storage writer.</summary>
public interface ISignInStore
{
    Task AddLinkAsync(SignInLink link, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the link used if it exists, is unused and has not expired at <paramref name="now"/>: checked and written in
    /// one step on the writer, so two clicks at once cannot both sign in.
    /// </summary>
    Task<RedeemResult> RedeemAsync(string linkId, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task AddSessionAsync(WebSession session, CancellationToken cancellationToken = default);

    Task<WebSession?> FindSessionAsync(string id, CancellationToken cancellationToken = default);

    Task EndSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
