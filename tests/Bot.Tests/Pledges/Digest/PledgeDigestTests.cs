using Bot.Builder.Testing;
using Bot.Pledges;
using Bot.Pledges.Digest;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Pledges.Digest;

/// <summary>The bot starts on 24/11/2026 at 09:00 in Vietnam; the digest is due at 17:00.</summary>
public class PledgeDigestTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Five = new(2026, 11, 24, 17, 0, 0, Vietnam);

    private static IReadOnlyList<SentReply> Digests(TestBot bot, string officer = Officer) =>
        [.. bot.Connector.To(officer).Where(r => r.Text.Contains("Tổng hợp đăng ký thi đua", StringComparison.Ordinal))];

    private static PledgeDigestService Digest(TestBot bot) => bot.Services.GetRequiredService<PledgeDigestService>();

    /// <summary>Moves the clock to <paramref name="at"/> and waits until the digest has looked at that moment.</summary>
    private static async Task CheckedAtAsync(TestBot bot, DateTimeOffset at)
    {
        if (bot.Time.GetUtcNow() < at) bot.Time.Advance(at - bot.Time.GetUtcNow());
        await UntilAsync(() => Digest(bot).CheckedAt >= at, $"the digest check at {at}");
    }

    private static Pledge Save(TestBot bot, string user, string name, DateTimeOffset created, DateTimeOffset updated, PledgeStatus status = PledgeStatus.Submitted) =>
        bot.Pledges().Save(new Pledge
        {
            Channel = "test", UserId = user, PrivateChatId = user, PlanId = "tld-2021", FullName = name, Position = "Kỹ sư",
            Unit = "Tổ Điện", TitleId = "cstd-co-so", Status = status, CreatedAt = created, UpdatedAt = updated,
        });

    [Fact]
    public async Task ADayWithChangesSendsOneDigestToEachOfficerWithTheRightCounts()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?>
        {
            ["Officers:Users:1"] = "test:officer2",
            ["PledgeDigest:MaxItems"] = "4",
        });
        var lastWeek = TestBot.DefaultNow.AddDays(-4);
        Save(bot, "u9", "Đỗ Văn Cũ", lastWeek, lastWeek);
        await bot.Flow("u1").RegisterLdtt();
        var edited = Save(bot, "u2", "Trần Thị Bình", lastWeek, TestBot.DefaultNow.AddHours(1));
        var withdrawn = Save(bot, "u3", "Lê Văn Cường", lastWeek, TestBot.DefaultNow.AddHours(2), PledgeStatus.Withdrawn);
        Save(bot, "u4", "Phạm Thị Dung", TestBot.DefaultNow.AddHours(3), TestBot.DefaultNow.AddHours(3));
        Save(bot, "u5", "Hoàng Văn Em", TestBot.DefaultNow.AddHours(4), TestBot.DefaultNow.AddHours(4));

        await CheckedAtAsync(bot, Five.AddMinutes(-1));
        Assert.Empty(Digests(bot));

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await UntilAsync(() => Digests(bot).Count == 1 && Digests(bot, "officer2").Count == 1, "one digest to each officer");
        var text = Digests(bot).Single().Text;
        Assert.Contains("Từ 17:00 23/11/2026 đến 17:00 24/11/2026", text);
        Assert.Contains("Kế hoạch phát động phong trào thi đua", text);
        Assert.Contains("Mới: 3 · Sửa: 1 · Rút: 1", text);
        Assert.Contains("• Mới #2 Nguyễn Văn An · Tổ Cơ khí · Lao động tiên tiến", text);
        Assert.Contains("• Mới #5 Phạm Thị Dung · Tổ Điện · Chiến sĩ thi đua cơ sở", text);
        Assert.Contains($"• Sửa #{edited.Id} Trần Thị Bình", text);
        Assert.Contains("• Mới #6 Hoàng Văn Em", text);
        Assert.DoesNotContain($"Rút #{withdrawn.Id}", text);     // capped at 4 names: new first, then changed, then withdrawn
        Assert.Contains("… và 1 đăng ký khác", text);
        Assert.Contains("/danhsach tld-2021", text);
        Assert.Contains("/xuat tld-2021", text);
        Assert.DoesNotContain("Đỗ Văn Cũ", text);                 // unchanged since last week
        Assert.Equal(text, Digests(bot, "officer2").Single().Text);

        await CheckedAtAsync(bot, Five.AddDays(1));
        Assert.Single(Digests(bot));
    }

    [Fact]
    public async Task ADayWithoutChangesSendsNothing()
    {
        await using var bot = await StartAsync();
        var lastWeek = TestBot.DefaultNow.AddDays(-4);
        Save(bot, "u2", "Trần Thị Bình", lastWeek, lastWeek);
        await CheckedAtAsync(bot, Five.AddMinutes(1));
        Assert.Empty(Digests(bot));
        Assert.Equal(new DateOnly(2026, 11, 24), (await bot.Services.GetRequiredService<IPledgeDigestStore>().MarkAsync())!.Day);
    }

    [Fact]
    public async Task AfterARestartTheDaysDigestIsNotSentTwiceAndTheNextOneHoldsOnlyLaterChanges()
    {
        var path = TempDb();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            await using (var first = await StartAsync(settings))
            {
                await first.Flow("u1").RegisterLdtt();
                first.Time.Advance(Five - first.Time.GetUtcNow());
                await UntilAsync(() => Digests(first).Count == 1, "the day's digest");
            }
            await using var second = await StartAsync(settings, new FakeTimeProvider(Five.AddMinutes(30)));
            await CheckedAtAsync(second, Five.AddMinutes(30));
            Assert.Empty(Digests(second));

            Save(second, "u2", "Trần Thị Bình", Five.AddHours(1), Five.AddHours(1));
            await CheckedAtAsync(second, Five.AddDays(1).AddMinutes(-1));
            Assert.Empty(Digests(second));
            second.Time.Advance(TimeSpan.FromMinutes(1));
            await UntilAsync(() => Digests(second).Count == 1, "the next day's digest");
            var text = Digests(second).Single().Text;
            Assert.Contains("Mới: 1 · Sửa: 0 · Rút: 0", text);
            Assert.Contains("Trần Thị Bình", text);
            Assert.DoesNotContain("Nguyễn Văn An", text);
        }
        finally
        {
            Delete(path);
        }
    }

    [Fact]
    public async Task ADigestDueWhileTheBotWasDownIsSentWhenItStarts()
    {
        var path = TempDb();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            await using (var first = await StartAsync(settings))
            {
                await first.Flow("u1").RegisterLdtt();
                await CheckedAtAsync(first, TestBot.DefaultNow.AddHours(1));
            }
            await using var second = await StartAsync(settings, new FakeTimeProvider(Five.AddHours(3)));
            await UntilAsync(() => Digests(second).Count == 1, "the digest on start");
            Assert.Contains("Nguyễn Văn An", Digests(second).Single().Text);
        }
        finally
        {
            Delete(path);
        }
    }

    [Fact]
    public async Task ADisabledDigestSendsNothing()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["PledgeDigest:Enabled"] = "false" });
        await bot.Flow("u1").RegisterLdtt();
        await CheckedAtAsync(bot, Five.AddMinutes(1));
        Assert.Empty(Digests(bot));
    }

    [Fact]
    public async Task OnlyTheConfiguredOfficersGetItInTheirLanguage()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?>
        {
            ["Officers:Users:1"] = "test:officer2",
            ["PledgeDigest:Recipients:0"] = "test:officer2",
        });
        await bot.Flow("officer2", language: "en").Send("/start");
        await bot.Flow("u1").RegisterLdtt();
        bot.Time.Advance(Five - bot.Time.GetUtcNow());
        await UntilAsync(() => bot.Connector.To("officer2").Any(r => r.Text.Contains("Pledge digest", StringComparison.Ordinal)), "the English digest");
        Assert.Contains(bot.Connector.To("officer2"), r => r.Text.Contains("New: 1 · Changed: 0 · Withdrawn: 0", StringComparison.Ordinal));
        await CheckedAtAsync(bot, Five);
        Assert.Empty(Digests(bot));
    }

    [Fact]
    public async Task ARecipientWhoIsNotAnOfficerStopsTheStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(new Dictionary<string, string?>
        {
            ["PledgeDigest:Recipients:0"] = "test:u1",
        }));
        Assert.Contains("\"test:u1\" is not in Officers:Users", error.Message);
    }

    private static string TempDb() => Path.Combine(Path.GetTempPath(), $"bot-digest-{Guid.NewGuid():N}.db");

    private static void Delete(string path)
    {
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(path) + "*")) File.Delete(f);
    }
}
