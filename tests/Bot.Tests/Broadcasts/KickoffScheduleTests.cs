using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Builder.Testing;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

/// <summary>Phase 2 of both 2021 plans starts on 1 July 2021: the kickoff is due at 08:00 Vietnam time (01:00 UTC).</summary>
public class KickoffScheduleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset EveBefore = new(2021, 6, 30, 20, 0, 0, Vietnam);
    private static readonly DateTimeOffset KickoffTime = new(2021, 7, 1, 8, 0, 0, Vietnam);

    [Fact]
    public async Task APhaseIsAnnouncedOnceAtTheLocalKickoffTimeAndNotAgainAfterARestart()
    {
        var path = TempDb();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            var time = new FakeTimeProvider(EveBefore);
            await using (var first = await StartAsync(settings, time))
            {
                first.Seed(members: 2, groups: 1);
                var schedule = first.Services.GetRequiredService<IKickoffScheduleStore>();
                await UntilAsync(async () => (await schedule.AllAsync()).Count(r => r.State == ScheduleState.Scheduled) == 2, "the two phase-2 kickoffs to be scheduled");

                time.Advance(KickoffTime - time.GetUtcNow() - TimeSpan.FromSeconds(1));
                await first.SettleAsync();
                Assert.Empty(Kickoffs(first, "m1"));
                Assert.Empty(await first.Store().SendingAsync());

                time.Advance(TimeSpan.FromSeconds(1));
                await UntilAsync(async () => await first.Finished(1) && await first.Finished(2), "both kickoffs to be sent", time, TimeSpan.FromMilliseconds(200));
                foreach (var chat in new[] { "m1", "m2", "g1" })
                {
                    Assert.Single(Kickoffs(first, chat), r => r.Text.Contains("Kế hoạch phát động phong trào thi đua"));   // tld-2021
                    Assert.Single(Kickoffs(first, chat), r => r.Text.Contains("Kế hoạch tổ chức phong trào thi đua"));    // quang-tri-2021
                }
                Assert.All((await schedule.AllAsync()).Where(r => r.PhaseId == "dot-2"), r =>
                {
                    Assert.Equal(ScheduleState.Fired, r.State);
                    Assert.Equal(KickoffTime, r.FiredAt);
                });
                await UntilAsync(() => first.Connector.To(Officer).Count(r => r.Text.Contains("Đã gửi xong")) == 2, "the reports to officers");
                Assert.Contains(first.Connector.To(Officer), r => r.Text.Contains("Tự động phát động Đợt 2"));

                time.Advance(TimeSpan.FromDays(1));
                await first.SettleAsync();
                Assert.Equal(2, Kickoffs(first, "m1").Count);
            }

            await using var second = await StartAsync(settings, new FakeTimeProvider(KickoffTime.AddMinutes(30)));
            await UntilAsync(async () => (await second.Services.GetRequiredService<IKickoffScheduleStore>().AllAsync()).Count == 4, "the schedule to load");
            await second.SettleAsync();
            Assert.Empty(Kickoffs(second, "m1"));
            Assert.Null(await second.Store().FindAsync(3));
        }
        finally
        {
            Delete(path);
        }
    }

    [Fact]
    public async Task AKickoffDueWhileTheBotWasDownGoesOutOnStartWithinTheGracePeriod()
    {
        var path = TempDb();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            await using (var first = await StartAsync(settings, new FakeTimeProvider(EveBefore)))
            {
                first.Seed(members: 2);
                await UntilAsync(async () => (await first.Services.GetRequiredService<IKickoffScheduleStore>().AllAsync()).Count == 4, "the schedule to be made");
            }
            await using var second = await StartAsync(settings, new FakeTimeProvider(KickoffTime.AddHours(2)));
            await UntilAsync(async () => await second.Finished(1) && await second.Finished(2), "both kickoffs to be sent");
            Assert.Equal(2, Kickoffs(second, "m1").Count);
        }
        finally
        {
            Delete(path);
        }
    }

    [Fact]
    public async Task AKickoffMissedBeyondTheGracePeriodIsNotSentLateAndOfficersAreToldOnce()
    {
        var path = TempDb();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            await using (var first = await StartAsync(settings, new FakeTimeProvider(EveBefore)))
            {
                first.Seed(members: 2);
                await UntilAsync(async () => (await first.Services.GetRequiredService<IKickoffScheduleStore>().AllAsync()).Count == 4, "the schedule to be made");
            }
            await using (var second = await StartAsync(settings, new FakeTimeProvider(KickoffTime.AddHours(7))))
            {
                await UntilAsync(() => second.Connector.To(Officer).Any(), "the notice to officers");
                var notice = second.Connector.To(Officer).Single().Text;
                Assert.Contains("Phát động tự động bị lỡ", notice);
                Assert.Contains("6 giờ 0 phút", notice);
                Assert.Contains("Đợt 2 – Kế hoạch phát động phong trào thi đua", notice);
                Assert.Contains("Đợt 2 – Kế hoạch tổ chức phong trào thi đua", notice);
                Assert.Contains("(dự kiến 01/07/2021 08:00)", notice);
                Assert.Empty(Kickoffs(second, "m1"));
                Assert.All((await second.Services.GetRequiredService<IKickoffScheduleStore>().AllAsync()).Where(r => r.PhaseId == "dot-2"),
                    r => Assert.Equal(ScheduleState.Missed, r.State));
            }
            await using var third = await StartAsync(settings, new FakeTimeProvider(KickoffTime.AddHours(8)));
            await UntilAsync(async () => (await third.Services.GetRequiredService<IKickoffScheduleStore>().AllAsync()).Count == 4, "the schedule to load");
            await third.SettleAsync();
            Assert.Empty(third.Connector.To(Officer));
            Assert.Empty(Kickoffs(third, "m1"));
        }
        finally
        {
            Delete(path);
        }
    }

    [Fact]
    public async Task OnAFreshStartAfterEveryPhaseEndedTheScheduleRecordsThemAsPastAndStaysQuiet()
    {
        await using var bot = await StartAsync();
        var schedule = bot.Services.GetRequiredService<IKickoffScheduleStore>();
        await UntilAsync(async () => (await schedule.AllAsync()).Count == 4, "the schedule to be made");
        Assert.All(await schedule.AllAsync(), r => Assert.Equal(ScheduleState.Expired, r.State));
        await bot.SettleAsync();
        Assert.Empty(bot.Connector.To(Officer));

        await bot.Flow(Officer).Send("/lichphatdong")
            .AssertReply(r => r.Text.Contains("Lịch phát động tự động") && r.Text.Contains("4. Đợt 2")
                && r.Text.Split("đã qua (đợt bắt đầu trước khi có lịch)").Length == 5 && r.Reply.Buttons.Count == 0, "four past kickoffs and no buttons");
    }

    [Fact]
    public async Task OfficersPauseCancelAndResumeScheduledKickoffs()
    {
        var time = new FakeTimeProvider(EveBefore);
        await using var bot = await StartAsync(time: time);
        bot.Seed(members: 1);
        var schedule = bot.Services.GetRequiredService<IKickoffScheduleStore>();
        await UntilAsync(async () => (await schedule.AllAsync()).Count(r => r.State == ScheduleState.Scheduled) == 2, "the schedule to be made");

        var officer = bot.Flow(Officer);
        await officer.Send("/lichphatdong")
            .AssertReply(r => r.Text.Contains("3. Đợt 2 – Kế hoạch tổ chức phong trào thi đua") && r.Text.Contains("01/07/2021 08:00 — đã lên lịch")
                && r.Reply.Buttons.Select(b => b.Label).SequenceEqual(["⏸ 3", "✖ 3", "⏸ 4", "✖ 4"]), "the schedule with buttons")
            .Press("⏸ 3").AssertReply("Đã tạm dừng phát động tự động Đợt 2 – Kế hoạch tổ chức")
            .AssertReply(r => r.Text.Contains("3. Đợt 2 – Kế hoạch tổ chức phong trào thi đua trong đoàn viên, CNVCLĐ và các cấp công đoàn năm 2021: 01/07/2021 08:00 — tạm dừng"), "the paused line")
            .Press("✖ 4").AssertReply("Đã huỷ phát động tự động Đợt 2 – Kế hoạch phát động")
            .AssertReply(r => r.Reply.Buttons.Select(b => b.Label).SequenceEqual(["▶ 3", "✖ 3"]), "only the paused one has buttons");

        time.Advance(KickoffTime - time.GetUtcNow() + TimeSpan.FromHours(1));
        await bot.SettleAsync();
        Assert.Empty(Kickoffs(bot, "m1"));

        await officer.Press("▶ 3").AssertReply("Đã bật lại phát động tự động").AssertReply("đã lên lịch");
        await UntilAsync(() => bot.Finished(1), "the resumed kickoff to go out (within the grace period)");
        Assert.Single(Kickoffs(bot, "m1"), r => r.Text.Contains("Kế hoạch tổ chức phong trào thi đua"));
        Assert.Equal(ScheduleState.Cancelled, (await schedule.AllAsync()).Single(r => r.Key == "tld-2021/dot-2").State);
        Assert.Null(await bot.Store().FindAsync(2));
    }

    [Fact]
    public async Task TheKickoffTimeIsTheConfiguredLocalTimeOnTheStartDate()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Broadcasts:KickoffLocalTime"] = "06:30" }, new FakeTimeProvider(EveBefore));
        var schedule = bot.Services.GetRequiredService<IKickoffScheduleStore>();
        await UntilAsync(async () => (await schedule.AllAsync()).Count == 4, "the schedule to be made");
        Assert.Equal(new DateTimeOffset(2021, 7, 1, 6, 30, 0, Vietnam), (await schedule.AllAsync()).Single(r => r.Key == "tld-2021/dot-2").RunAt);
    }

    private static List<SentReply> Kickoffs(TestBot bot, string chat) => [.. bot.Connector.To(chat).Where(r => r.Text.Contains("PHÁT ĐỘNG THI ĐUA"))];

    private static string TempDb() => Path.Combine(Path.GetTempPath(), $"bot-schedule-{Guid.NewGuid():N}.db");

    private static void Delete(string path)
    {
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(path) + "*")) File.Delete(f);
    }
}
