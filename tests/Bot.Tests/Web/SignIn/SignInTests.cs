using System.Net;
using System.Text.RegularExpressions;
using Bot.Members;

namespace Bot.Tests.Web.SignIn;

public partial class SignInTests
{
    /// <summary>The link in the bot's answer to /quantri, as a path on this host.</summary>
    public static async Task<string> LinkFromBotAsync(TestBot bot, string userId = "officer")
    {
        string? path = null;
        await bot.Flow(userId).Send("/quantri").AssertReply(r =>
        {
            path = LinkPattern().Match(r.Text) is { Success: true } m ? new Uri(m.Value).PathAndQuery : null;
            return path is not null;
        }, "a sign-in link");
        return path!;
    }

    /// <summary>Opens the link and presses "sign in", as an officer does.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(WebSite site, string path) =>
        await site.PostFormAsync(path, path);

    [Fact]
    public async Task AnOfficerWhoOpensTheLinkFromTheBotIsSignedInToTheDashboard()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        var link = await LinkFromBotAsync(bot);

        var signIn = await SignInAsync(site, link);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/quantri", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cdb_officer=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(TestBot.Text("web.overview-title"), await site.PageAsync("/quantri"));
    }

    [Fact]
    public async Task OpeningTheLinkOnlyAsksToConfirmSoALinkPreviewDoesNotUseItUp()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        var link = await LinkFromBotAsync(bot);

        await site.PageAsync(link);
        await site.PageAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(site, link)).StatusCode);
    }

    [Fact]
    public async Task ALinkUsedOnceIsRefusedTheSecondTime()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var first = new WebSite(bot);
        using var second = new WebSite(bot);
        var link = await LinkFromBotAsync(bot);
        await SignInAsync(first, link);

        var again = await SignInAsync(second, link);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(TestBot.Text("web.signin-used"), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/quantri")).StatusCode);
    }

    [Fact]
    public async Task ALinkOlderThanTenMinutesIsRefused()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        var link = await LinkFromBotAsync(bot);

        bot.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var late = await SignInAsync(site, link);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains(TestBot.Text("web.signin-expired"), await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMemberAskingForTheDashboardGetsTheOfficerOnlyAnswer()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        await bot.Flow("member").Send("/quantri").AssertReply(TestBot.Text("core.officer-only"));
    }

    [Fact]
    public async Task InAGroupTheOfficerIsAskedToUseAPrivateChat()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        await bot.Flow("officer", chatId: "-100", chatKind: ChatKind.Group).Send("/quantri").AssertReply(TestBot.Text("web.dashboard-private-only"));
    }

    [Theory]
    [InlineData("/quantri")]
    [InlineData("/quantri/dangky")]
    [InlineData("/quantri/dangky?handler=Export")]
    [InlineData("/quantri/nhatky")]
    public async Task AVisitorWhoIsNotSignedInCannotOpenADashboardPage(string path)
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await site.SayAsync("/start");

        var response = await site.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/quantri/dangnhap", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AnOfficerRemovedFromTheRosterIsOutWithTheNextRequest()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        await SetRolesAsync(bot, [new OfficerRole("test", "chief", null)]);
        using var site = new WebSite(bot);
        await SignInAsync(site, await LinkFromBotAsync(bot, "chief"));
        Assert.Contains(TestBot.Text("web.overview-title"), await site.PageAsync("/quantri"));

        await SetRolesAsync(bot, []);

        Assert.Equal(HttpStatusCode.Redirect, (await site.GetAsync("/quantri/dangky")).StatusCode);
    }

    /// <summary>Roles from a source other than settings, loaded as at start.</summary>
    private static async Task SetRolesAsync(TestBot bot, IReadOnlyList<OfficerRole> roles)
    {
        await bot.Services.GetRequiredService<IOfficerRoleStore>().ReplaceAsync("test", roles);
        await ((Microsoft.Extensions.Hosting.IHostedService)bot.Services.GetRequiredService<OfficerRoster>()).StartAsync(default);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionOnTheServerSoTheOldCookieNoLongerWorks()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInAsync(site, await LinkFromBotAsync(bot));
        var stolen = site.Cookies.GetCookieHeader(site.Address);

        var signOut = await site.PostFormAsync("/quantri", "/quantri/dangxuat");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.GetAsync("/quantri")).StatusCode);
        using var thief = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/quantri");
        request.Headers.Add("Cookie", stolen);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task SigningInAndOutIsWrittenToTheAuditLog()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInAsync(site, await LinkFromBotAsync(bot));

        var audit = await site.PageAsync("/quantri/nhatky");

        Assert.Contains(TestBot.Text("web.audit-signed-in"), audit);
        Assert.Contains("test:officer", audit);
    }

    [Fact]
    public async Task BehindAnHttpsProxyTheLinkUsesThePublicAddressAndEveryCookieIsSecure()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Web:PublicUrl"] = "https://thidua.example.test/" }, web: true);
        using var site = new WebSite(bot);
        string? link = null;
        await bot.Flow("officer").Send("/quantri").AssertReply(r =>
        {
            link = Regex.Match(r.Text, @"https://thidua\.example\.test/quantri/vao/\S+").Value;
            return link.Length > 0;
        }, "a link on the public address");

        using var viaProxy = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = site.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(link!).AbsolutePath);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var confirm = await viaProxy.SendAsync(request);

        var antiforgery = confirm.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cdb_af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var session = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(Bot.Web.SignIn.OfficerSession.Scheme);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, session.Cookie.SecurePolicy);
        var visitor = (await site.GetAsync("/")).Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cdb_visitor=", StringComparison.Ordinal));
        Assert.Contains("secure", visitor, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"http://\S+/quantri/vao/\S+")]
    private static partial Regex LinkPattern();
}
