using Bot.Builder.Testing;
using Bot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Testing;

/// <summary>
/// The real host (same BotHost.Build as Program.cs) with a recording test channel, LiteDB in memory
/// (or a given file), and a fake clock. Dispose it to stop the host.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    /// <summary>2026-11-24 09:00 in Vietnam: after every shipped plan ended.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));

    // Every host over the same dialogs/ folder shares one FAQ engine and one loaded content: indexing and parsing it
    // for each of the suite's hosts would cost most of the suite's time. Hosts over other folders get their own.
    internal static readonly Bot.Faq.FaqEngineCache SharedFaq = new();
    internal static readonly Bot.Content.ContentCache SharedContent = new();

    private TestBot(WebApplication app, TestConnector connector, FakeTimeProvider time)
    {
        App = app;
        Connector = connector;
        Time = time;
    }

    public WebApplication App { get; }
    public TestConnector Connector { get; }
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => App.Services;
    public TurnPipeline Pipeline => Services.GetRequiredService<TurnPipeline>();

    public static async Task<TestBot> StartAsync(
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        ChannelCapabilities? capabilities = null,
        Action<IServiceCollection>? services = null,
        bool openRegistration = true,
        bool web = false)
    {
        time ??= new FakeTimeProvider(DefaultNow);
        var connector = new TestConnector("test", capabilities ?? new ChannelCapabilities { Buttons = true, EditMessages = true, Files = true, Html = false });
        var config = new Dictionary<string, string?>
        {
            ["Storage:Path"] = ":memory:",
            ["LocalChat:Enabled"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
            ["Officers:Users:0"] = "test:officer",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests with a database file take their backups themselves (into their own folder).
            ["Backups:Enabled"] = "false",
            // The web chat and dashboard only where a test asks for them: Razor's page discovery is most of a host's start.
            ["Web:Enabled"] = web ? "true" : "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        var app = BotHost.Build([], new BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(config),
            ContentCache = SharedContent,
            Services = s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IChannelConnector>(connector);
                s.AddSingleton(SharedFaq);
                services?.Invoke(s);
            },
        });
        await app.StartAsync();
        if (openRegistration) OpenRegistration(app.Services, time);
        return new TestBot(app, connector, time);
    }

    /// <summary>
    /// Every shipped plan has ended by <see cref="DefaultNow"/>, so /dangky would say registration is closed. Unless a
    /// test asks for <c>openRegistration: false</c>, the default plan is opened as an officer would (/mopdangky, no end
    /// date), stored like any officer's opening: registrations go to the default plan as they did before periods existed.
    /// </summary>
    private static void OpenRegistration(IServiceProvider services, TimeProvider time)
    {
        var content = services.GetRequiredService<Bot.Content.BotContent>();
        services.GetRequiredService<Bot.Pledges.RegistrationPeriods>().OpenAsync(content.DefaultPlanId, null, "test:officer", time.GetUtcNow(), default).GetAwaiter().GetResult();
    }

    /// <summary>
    /// What the bot says for a text key of dialogs/texts (in Vietnamese), filled with the test's arguments: tests of
    /// wording officers may edit assert the key, so an edited sentence does not break them.
    /// </summary>
    public static string Text(string key, params (string Name, object? Value)[] args) => TextIn("vi", key, args);

    public static string TextIn(string language, string key, params (string Name, object? Value)[] args) =>
        Texts.Get(language, key, args);

    /// <summary>The shipped texts, loaded once per test assembly.</summary>
    public static Bot.Content.Texts Texts => SharedContent.GetOrLoad(new Bot.Content.ContentOptions()).Texts;

    /// <summary>A transcript with one member in a private chat (or a group, with <paramref name="chatKind"/>).</summary>
    public TestFlow Flow(string userId = "u1", string userName = "Nguyễn Văn An", string? chatId = null, ChatKind chatKind = ChatKind.Private, string? language = null) =>
        new(a => Pipeline.ProcessAsync(a), Connector, new Activity
        {
            Channel = "test",
            ChatId = chatId ?? userId,
            ChatKind = chatKind,
            UserId = userId,
            UserName = userName,
            Language = language,
        }, Time);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
