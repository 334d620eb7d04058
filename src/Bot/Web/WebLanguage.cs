using Bot.Content;

namespace Bot.Web;

/// <summary>
/// The page language: Vietnamese first, English when chosen ("?lang=en" sets a cookie). Every word on a page comes
/// from dialogs/texts/web.yaml through <see cref="WebText"/>.
/// </summary>
public static class WebLanguage
{
    public const string Cookie = "cdb_lang";

    public static string Of(HttpContext http)
    {
        if (http.Items[Cookie] is string chosen) return chosen;
        var query = http.Request.Query["lang"].ToString();
        string lang;
        if (query is Languages.Vietnamese or Languages.English)
        {
            lang = query;
            http.Response.Cookies.Append(Cookie, lang, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = WebOptions.SecureCookies(http), IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        }
        else
        {
            lang = http.Request.Cookies.TryGetValue(Cookie, out var c) && c == Languages.English ? Languages.English : Languages.Vietnamese;
        }
        http.Items[Cookie] = lang;
        return lang;
    }
}

/// <summary>Page texts in the request's language: <c>T["chat-title"]</c> reads "web.chat-title".</summary>
public sealed class WebText(Texts texts, IHttpContextAccessor http)
{
    public string Language => http.HttpContext is { } c ? WebLanguage.Of(c) : Languages.Vietnamese;

    // Texts are HTML-lite with escaped values (for Telegram); a page wants plain text, which Razor encodes once.
    public string this[string key] => TextFormat.ToPlain(texts.Get(Language, "web." + key));

    public string Get(string key, params (string Name, object? Value)[] args) => TextFormat.ToPlain(texts.Get(Language, "web." + key, args));
}
