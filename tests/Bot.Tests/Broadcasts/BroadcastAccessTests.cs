using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class BroadcastAccessTests
{
    [Theory]
    [InlineData("/thongbao Họp lúc 14:00")]
    [InlineData("/broadcast Meeting at 2pm")]
    [InlineData("/phatdong")]
    [InlineData("/kickoff tld-2021 2")]
    [InlineData("/lichphatdong")]
    [InlineData("/huyguitin")]
    public async Task AMemberIsRefusedEveryOfficerCommand(string command)
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2);
        await bot.Flow("m1").Send(command).AssertReply(TestBot.Text("core.officer-only"));
        await bot.SettleAsync();
        Assert.Null(await bot.Store().FindAsync(1));
    }

    [Fact]
    public async Task AMemberPressingStopIsRefusedAndTheBroadcastGoesOn()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(Paced(1), time);
        bot.Seed(members: 4);
        var broadcast = await bot.BroadcastAsync("Họp lúc 14:00");
        await UntilAsync(() => bot.Connector.To("m1").Count == 1, "the first member to get it");

        await bot.Flow("m2").Send(() => new Activity { Channel = "test", ChatId = "m2", UserId = "m2", Kind = ActivityKind.Button, ButtonData = $"bc:stop:{broadcast.Id}" });

        Assert.Contains(bot.Connector.ButtonAnswers, a => a.Activity.UserId == "m2" && a.Text!.Contains("Chỉ cán bộ"));
        await UntilAsync(() => bot.Finished(broadcast.Id), "the broadcast to finish", time, TimeSpan.FromMilliseconds(500));
        Assert.Equal(BroadcastState.Completed, (await bot.Store().FindAsync(broadcast.Id))!.State);
        Assert.All(new[] { "m1", "m2", "m3", "m4" }, m => Assert.Single(bot.Connector.To(m), r => r.Text.Contains("Họp lúc 14:00")));
    }

    [Fact]
    public async Task AMemberPressingAScheduleButtonIsRefusedAndNothingChanges()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 6, 30, 20, 0, 0, TimeSpan.FromHours(7)));
        await using var bot = await StartAsync(time: time);
        var schedule = bot.Services.GetRequiredService<IKickoffScheduleStore>();
        await UntilAsync(async () => (await schedule.AllAsync()).Count == 4, "the schedule to be made");
        var row = (await schedule.AllAsync()).First(r => r.State == ScheduleState.Scheduled);

        await bot.Flow("m1").Send(() => new Activity { Channel = "test", ChatId = "m1", UserId = "m1", Kind = ActivityKind.Button, ButtonData = $"ks:pause:{row.Id}" });

        Assert.Contains(bot.Connector.ButtonAnswers, a => a.Activity.UserId == "m1" && a.Text!.Contains("Chỉ cán bộ"));
        Assert.Equal(ScheduleState.Scheduled, (await schedule.FindAsync(row.Id))!.State);
    }

    [Fact]
    public async Task AnOfficerWhoLosesTheRightMidFlowCannotConfirm()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2);
        var officer = bot.Flow(Officer);
        await officer.Send("/thongbao Họp lúc 14:00").AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (3)")
            .AssertReply("Xem trước").AssertReply("Họp lúc 14:00").AssertReply("tới 3 người nhận");

        bot.App.Configuration["Officers:Users:0"] = "test:someone-else";
        ((IConfigurationRoot)bot.App.Configuration).Reload();
        await UntilAsync(() => !bot.Services.GetRequiredService<Bot.Conversations.Officers>().IsOfficer("test", Officer), "the officer list to reload");

        await officer.Press("✅ Gửi").AssertReply(TestBot.Text("core.officer-only"));
        await bot.SettleAsync();
        Assert.Null(await bot.Store().FindAsync(1));
    }

    internal static Dictionary<string, string?> Paced(double perSecond) => new()
    {
        ["Pacing:Channels:test:MessagesPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
