using Bot.Hosting;
using Bot.Storage;

namespace Bot.Tests.Hosting;

/// <summary>The real start (<see cref="BotHost.RunAsync"/>) with one wrong setting: one sentence naming it, exit code 2.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("startup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> FailsAsync(params string[] settings)
    {
        var errors = new StringWriter();
        string[] args =
        [
            $"--Storage:Path={Path.Combine(_dir, "bot.db")}", "--Urls=http://127.0.0.1:0", "--LocalChat:Enabled=false",
            "--Logging:LogLevel:Default=Warning", .. settings.Select(s => "--" + s),
        ];
        var exit = await BotHost.RunAsync(args, errors).WaitAsync(TimeSpan.FromSeconds(60));
        var message = errors.ToString().TrimEnd();
        Assert.True(exit == 2, $"exit {exit}: {message}");
        Assert.DoesNotContain("   at ", message); // no stack trace
        return message;
    }

    [Theory]
    [InlineData("Telegram:PollTimeoutSeconds=abc", "The setting Telegram:PollTimeoutSeconds (environment variable Telegram__PollTimeoutSeconds) must be a number")]
    [InlineData("Broadcasts:KickoffLocalTime=25:99", "The setting Broadcasts:KickoffLocalTime (environment variable Broadcasts__KickoffLocalTime) must be a time of day")]
    [InlineData("Broadcasts:KickoffAudience=Nobody", "The setting Broadcasts:KickoffAudience (environment variable Broadcasts__KickoffAudience) must be one of All, Groups, Members")]
    [InlineData("LocalChat:Enabled=maybe", "The setting LocalChat:Enabled (environment variable LocalChat__Enabled) must be true or false")]
    [InlineData("Content:TimeZone=Mars/Olympus", "Content:TimeZone 'Mars/Olympus' is not a time zone")]
    [InlineData("Officers:Users:0=officer", "Officers:Users:0 = 'officer' names no channel")]
    [InlineData("Urls=notaurl", "The setting Urls has 'notaurl', which is not an address")]
    [InlineData("Operations:Urls=http://127.0.0.1:0", "Operations:Urls 'http://127.0.0.1:0' needs http addresses with a fixed port")]
    [InlineData("Backups:Interval=00:00:10", "Backups:Interval must be at least one minute")]
    [InlineData("Logging:Format=xml", "The setting Logging:Format (environment variable Logging__Format) must be simple or json.")]
    public async Task AWrongSettingIsOneSentenceNamingItAndExitCode2(string setting, string expected)
    {
        var message = await FailsAsync(setting);
        Assert.StartsWith(expected, message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public async Task AStoragePathThatIsAFolderIsRefusedWithTheFileToGive()
    {
        var message = await FailsAsync($"Storage:Path={_dir}");
        Assert.Equal($"Storage:Path points at the folder {_dir}: give the database file inside it, e.g. {Path.Combine(_dir, "bot.db")}.", message);
    }

    [Fact]
    public async Task APortInUseIsNamedWithTheSetting()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var message = await FailsAsync($"Urls=http://127.0.0.1:{port}");
        Assert.Equal($"The setting Urls asks to listen on http://127.0.0.1:{port}, but another program already listens on that port: stop that program or choose another port.", message);
    }

    [Fact]
    public async Task AMissingCoreTextsFileStopsTheStartWithTheFileAndWhy()
    {
        var content = CopyOfDialogs();
        File.Delete(Path.Combine(content, "texts", "core.yaml"));
        var message = await FailsAsync($"Content:Path={content}");
        Assert.Contains("texts/core.yaml: missing (it holds the bot's basic replies", message);
    }

    // The database is opened while the FAQ files are read (BotHost.OpenAsync): with both broken, the database's
    // sentence is the one reported, as when it was opened first, and the file is not left locked.
    [Fact]
    public async Task WithABrokenFaqFileAndADatabaseInUseTheDatabaseIsReportedAndABrokenFaqAloneLeavesTheFileFree()
    {
        var content = CopyOfDialogs();
        File.WriteAllText(Path.Combine(content, "faq", "zz-broken.yaml"), "entries:\n  - id: [\n");
        var db = Path.Combine(_dir, "bot.db");

        var faqOnly = await FailsAsync($"Content:Path={content}");
        Assert.Contains("zz-broken.yaml", faqOnly);
        using (new BotDatabase(new StorageOptions { Path = db }, [])) { }

        using var running = new BotDatabase(new StorageOptions { Path = db }, []);
        Assert.StartsWith("Another bot process is using", await FailsAsync($"Content:Path={content}"));
    }

    private string CopyOfDialogs()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "dialogs");
        var content = Path.Combine(_dir, "dialogs");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return content;
    }
}
