using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Tests.Web;

/// <summary>
/// One browser-less visitor of the real host (TestBot: the same BotHost.Build, a dynamic port): a cookie jar, the
/// page's antiforgery token, and the web chat's calls. Redirects are not followed, so tests see where they lead.
/// </summary>
public sealed partial class WebSite : IDisposable
{
    private readonly HttpClient _http;

    public WebSite(TestBot bot)
    {
        Bot = bot;
        var address = bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public TestBot Bot { get; }
    public CookieContainer Cookies { get; } = new();
    public Uri Address => _http.BaseAddress!;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => _http.PostAsync(path, content);

    public async Task<string> PageAsync(string path)
    {
        var response = await _http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form the way the page does: the antiforgery token of <paramref name="formPage"/> goes with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        var token = FormToken(await PageAsync(formPage));
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await _http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>What the visitor types in the web chat; returns when the bot has answered.</summary>
    public async Task<HttpResponseMessage> SayAsync(string? text, string? button = null, bool withToken = true)
    {
        var page = await PageAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Post, "/chat/send") { Content = JsonContent.Create(new { text, button }) };
        if (withToken) request.Headers.Add("RequestVerificationToken", ChatToken(page));
        var response = await _http.SendAsync(request);
        await Bot.Services.GetRequiredService<Inbox>().WhenIdleAsync();
        return response;
    }

    public async Task<IReadOnlyList<ChatLine>> MessagesAsync(long after = 0)
    {
        var json = await _http.GetFromJsonAsync<JsonElement>($"/chat/messages?after={after}");
        return [.. json.GetProperty("messages").EnumerateArray().Select(m => new ChatLine(
            m.GetProperty("fromBot").GetBoolean(),
            m.GetProperty("text").GetString()!,
            [.. m.GetProperty("buttons").EnumerateArray().Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("data").GetString()))]))];
    }

    public static string FormToken(string html) => WebUtility.HtmlDecode(FormTokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page."));

    private static string ChatToken(string html) => WebUtility.HtmlDecode(ChatTokenPattern().Match(html).Groups[1].Value);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("id=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex ChatTokenPattern();
}

public sealed record ChatLine(bool FromBot, string Text, IReadOnlyList<(string Label, string? Data)> Buttons);
