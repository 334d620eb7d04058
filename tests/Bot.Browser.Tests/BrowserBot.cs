using Bot.Builder.Testing;
using Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Browser.Tests;

/// <summary>
/// The real host (BotHost.Build, as Program.cs) on a dynamic loopback port, LiteDB in memory, a fake clock, and a test
/// channel "test" where the officer (test:officer) talks to the bot to get a sign-in link.
/// </summary>
public sealed class BrowserBot : IAsyncDisposable
{
    /// <summary>2026-11-24 09:00 in Vietnam: after every shipped plan ended (registration is opened by the set-up).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly Bot.Content.ContentCache SharedContent = new();
    private static readonly Bot.Faq.FaqEngineCache SharedFaq = new();

    private BrowserBot(WebApplication app, TestConnector officerChat, FakeTimeProvider time)
    {
        App = app;
        OfficerChat = officerChat;
        Time = time;
        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public WebApplication App { get; }
    public TestConnector OfficerChat { get; }
    public FakeTimeProvider Time { get; }
    public string Address { get; }
    public IServiceProvider Services => App.Services;

    public static Bot.Content.Texts Texts => SharedContent.GetOrLoad(new Bot.Content.ContentOptions()).Texts;

    public static string Text(string key, params (string Name, object? Value)[] args) => TextFormat.ToPlain(Texts.Get("vi", key, args));

    public static async Task<BrowserBot> StartAsync()
    {
        var time = new FakeTimeProvider(Now);
        var connector = new TestConnector();
        var app = BotHost.Build([], new BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = ":memory:",
                ["LocalChat:Enabled"] = "false",
                ["Urls"] = "http://127.0.0.1:0",
                ["Officers:Users:0"] = "test:officer",
                ["Logging:LogLevel:Default"] = "Warning",
            }),
            ContentCache = SharedContent,
            Services = s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IChannelConnector>(connector);
                s.AddSingleton(SharedFaq);
            },
        });
        await app.StartAsync();
        var content = app.Services.GetRequiredService<Bot.Content.BotContent>();
        await app.Services.GetRequiredService<Bot.Pledges.RegistrationPeriods>().OpenAsync(content.DefaultPlanId, null, "test:officer", time.GetUtcNow(), default);
        return new BrowserBot(app, connector, time);
    }

    /// <summary>The officer sends /quantri in their private chat; the link the bot answers with.</summary>
    public async Task<string> SignInLinkAsync()
    {
        await Services.GetRequiredService<Bot.Builder.Pipeline.TurnPipeline>().ProcessAsync(new Activity
        {
            Channel = "test", ChatId = "officer", UserId = "officer", UserName = "Chị Lan", Text = "/quantri",
            MessageId = Guid.NewGuid().ToString("N"), Timestamp = Time.GetUtcNow(),
        });
        var reply = OfficerChat.All.Last(r => r.To.ChatId == "officer").Text;
        return System.Text.RegularExpressions.Regex.Match(reply, @"http://\S+").Value;
    }

    public Bot.Pledges.Pledge AddPledge(string userId, string name, string unit, string channel = "test", string title = "ldtt") =>
        Services.GetRequiredService<Bot.Pledges.IPledgeStore>().InsertAsync(new Bot.Pledges.Pledge
        {
            Channel = channel, UserId = userId, PrivateChatId = userId, PlanId = "tld-2021", FullName = name, Position = "Công nhân",
            Unit = unit, TitleId = title, CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow(),
        }).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
