using System.Collections.Concurrent;
using Bot.Backups;
using Bot.Builder.Testing;
using Bot.Hosting;
using Bot.Tests.Pledges;

namespace Bot.Tests.Backups;

/// <summary>Hot backups of the database file: consistent while members register, kept N deep, on schedule, on request.</summary>
public sealed class BackupTests : IDisposable
{
    private static readonly string[] Names =
        ["Hoàng Văn Nam", "Trần Thị Mai", "Lê Văn Cường", "Phạm Thị Lan", "Đỗ Văn Hùng", "Vũ Thị Hoa", "Bùi Văn Tùng", "Ngô Thị Thu", "Đặng Văn Long", "Hồ Thị Hạnh", "Lý Văn Phúc", "Mai Thị Hằng"];

    private readonly string _dir = Directory.CreateTempSubdirectory("backup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "bot.db");
    private string BackupFolder => Path.Combine(_dir, "backups");

    private Task<TestBot> StartAsync(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?> { ["Storage:Path"] = Db };
        foreach (var (k, v) in settings) config[k] = v;
        return TestBot.StartAsync(config);
    }

    [Fact]
    public async Task ABackupTakenDuringAStreamOfRegistrationsRestoresEveryPledgeConfirmedBeforeIt()
    {
        var confirmed = new ConcurrentQueue<string>();
        string[] before;
        BackupFile backup;
        await using (var bot = await StartAsync())
        {
            var stream = Task.Run(async () =>
            {
                for (var i = 0; i < Names.Length; i++)
                {
                    await bot.Flow(userId: $"m{i}").Send($"/dangky {Names[i]}, tổ phó tổ Hàn, LĐTT").Contains("Kiểm tra lại")
                        .Press("Xác nhận").Contains("Đã lưu");
                    confirmed.Enqueue(Names[i]);
                }
            });
            while (confirmed.Count < 4 && !stream.IsCompleted) await Task.Delay(10);
            before = [.. confirmed];
            backup = await bot.Services.GetRequiredService<DatabaseBackup>().TakeAsync(default);
            await stream;
            Assert.True(confirmed.Count == Names.Length && before.Length < Names.Length, $"the backup ran during the stream ({before.Length} before it)");
        }

        // Restore as the README says: the copy in the database's place, then start.
        var restored = Path.Combine(_dir, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(backup.Path, Path.Combine(restored, "bot.db"));
        await using var again = await TestBot.StartAsync(new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(restored, "bot.db") }, openRegistration: false);
        var names = again.Pledges().All().Select(p => p.FullName).ToHashSet();
        Assert.All(before, name => Assert.Contains(name, names));
    }

    [Fact]
    public async Task OnlyTheNewestCopiesAreKept()
    {
        await using var bot = await StartAsync(("Backups:Keep", "2"));
        var backups = bot.Services.GetRequiredService<DatabaseBackup>();
        var taken = new List<BackupFile>();
        for (var i = 0; i < 3; i++) taken.Add(await backups.TakeAsync(default));
        Assert.Equal(3, taken.Select(t => t.Name).Distinct().Count());
        Assert.Equal(taken.Skip(1).Select(t => t.Name).Reverse(), backups.List().Select(f => f.Name));
    }

    [Fact]
    public async Task TheScheduleTakesTheFirstCopySoonAfterTheStartThenEveryInterval()
    {
        await using var bot = await StartAsync(("Backups:Enabled", "true"), ("Backups:Interval", "01:00:00"));
        var backups = bot.Services.GetRequiredService<DatabaseBackup>();
        await AdvanceUntilAsync(bot, () => backups.List().Count == 1, TimeSpan.FromMinutes(1));
        var first = backups.Latest()!.TakenAt;
        Assert.InRange(first - TestBot.DefaultNow, BackupScheduler.FirstDelay, BackupScheduler.FirstDelay + TimeSpan.FromMinutes(2));
        await AdvanceUntilAsync(bot, () => backups.List().Count == 2, TimeSpan.FromMinutes(5));
        Assert.InRange(backups.Latest()!.TakenAt - first, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task AnOfficerTakesOneNowAndSeesItInTheStatusAMemberIsRefused()
    {
        await using var bot = await StartAsync();
        await bot.Flow(userId: "officer").Send("/saoluu").Contains("Đã sao lưu", "bot-2026");
        var latest = bot.Services.GetRequiredService<DatabaseBackup>().Latest()!;
        await bot.Flow(userId: "officer").Send("/trangthai").Contains("Sao lưu gần nhất: " + latest.TakenAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await bot.Flow().Send("/backup").AssertReply(TestBot.Text("core.officer-only"));
    }

    [Fact]
    public async Task TheBackupSwitchCopiesAStoppedBotsFileAndRefersARunningOneToTheCommand()
    {
        await using (await StartAsync()) { }
        var (output, errors) = (new StringWriter(), new StringWriter());
        string[] args = ["--backup-now", $"--Storage:Path={Db}", "--LocalChat:Enabled=false", "--Logging:LogLevel:Default=Warning"];
        var shared = new BotHostOverrides { ContentCache = TestBot.SharedContent, Services = s => s.AddSingleton(TestBot.SharedFaq) };
        Assert.Equal(0, await BotHost.RunAsync(args, errors, shared, output));
        Assert.StartsWith("Backed up to " + BackupFolder, output.ToString());
        Assert.Single(Directory.GetFiles(BackupFolder, "bot-*.db"));

        await using var running = await StartAsync();
        errors = new StringWriter();
        Assert.Equal(2, await BotHost.RunAsync(args, errors, shared, output));
        Assert.Contains("/saoluu", errors.ToString());
    }

    private static async Task AdvanceUntilAsync(TestBot bot, Func<bool> done, TimeSpan step)
    {
        for (var i = 0; i < 200 && !done(); i++)
        {
            bot.Time.Advance(step);
            await Task.Delay(20);
        }
        Assert.True(done(), "timed out");
    }
}
