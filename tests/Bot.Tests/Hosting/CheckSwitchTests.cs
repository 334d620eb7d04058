using Bot.Hosting;

namespace Bot.Tests.Hosting;

/// <summary>`--check` for deploy scripts: the start's checks without starting; 0 when all is well, 2 with the start's sentence.</summary>
public sealed class CheckSwitchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "bot.db");

    private async Task<(int Code, string Output, string Errors)> CheckAsync(params string[] settings)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        string[] args = ["--check", $"--Storage:Path={Db}", "--LocalChat:Enabled=false", "--Logging:LogLevel:Default=Warning", .. settings.Select(s => "--" + s)];
        // The shipped content and FAQ, loaded once for the suite (the check itself is what is tested, not their parsing).
        var shared = new BotHostOverrides { ContentCache = TestBot.SharedContent, Services = s => s.AddSingleton(TestBot.SharedFaq) };
        var code = await BotHost.RunAsync(args, errors, shared, output).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString(), errors.ToString().TrimEnd());
    }

    [Fact]
    public async Task GoodSettingsAndContentExitZeroWithoutCreatingTheDatabase()
    {
        var (code, output, errors) = await CheckAsync();
        Assert.True(code == 0, errors);
        Assert.Contains("Settings: valid.", output);
        Assert.Contains("tld-2021", output);
        Assert.Contains("does not exist yet", output);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task AWrongSettingExitsTwoWithTheStartsSentence()
    {
        var (code, _, errors) = await CheckAsync("Broadcasts:KickoffAudience=Nobody");
        Assert.Equal(2, code);
        Assert.StartsWith("The setting Broadcasts:KickoffAudience", errors);
    }

    [Fact]
    public async Task ADamagedDatabaseFileExitsTwoAndIsLeftAlone()
    {
        File.WriteAllBytes(Db, new byte[1000]);
        var (code, _, errors) = await CheckAsync();
        Assert.Equal(2, code);
        Assert.Contains("was cut short", errors);
        Assert.Equal(1000, new FileInfo(Db).Length);
    }

    [Fact]
    public async Task ARunningBotsDatabaseAndPortAreNotErrors()
    {
        await using var running = await TestBot.StartAsync(new Dictionary<string, string?> { ["Storage:Path"] = Db });
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var (code, output, errors) = await CheckAsync($"Urls=http://127.0.0.1:{port}");
        Assert.True(code == 0, errors);
        Assert.Contains("in use by a running bot", output);
    }
}
