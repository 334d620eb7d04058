using System.Security.Cryptography;

namespace Bot.Web;

/// <summary>
/// An anonymous web chat visitor: a random id in an HttpOnly cookie, made on the first visit. It is the visitor's
/// user and chat id in channel "web"; whoever holds the cookie continues the conversation.
/// </summary>
public static class Visitor
{
    public const string Cookie = "cdb_visitor";

    public static string? Find(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Cookie, out var id) && IsWellFormed(id) ? id : null;

    public static string Ensure(HttpContext http)
    {
        if (Find(http) is { } id) return id;
        id = Base64Url(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = WebOptions.SecureCookies(http),
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        // Visible to the rest of this request too (the page's first load).
        http.Items[Cookie] = id;
        return id;
    }

    public static string? Current(HttpContext http) => http.Items[Cookie] as string ?? Find(http);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsWellFormed(string id) => id.Length is >= 16 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
