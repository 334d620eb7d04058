using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

/// <summary>/phatdong for a phase that is over: the preview warns, and only an explicit button sends it.</summary>
public class EndedPhaseKickoffTests
{
    private const string SendAnyway = "⚠️ Vẫn gửi dù đợt đã kết thúc";

    [Fact]
    public async Task AKickoffForAnEndedPhaseIsWarnedInThePreviewAndOnlyTheExplicitButtonSendsIt()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        await bot.Flow(Officer).Send("/phatdong tld-2021 dot-2")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước").AssertReply("PHÁT ĐỘNG THI ĐUA – Đợt 2")
            .AssertReply(r => r.Text.Contains("Đợt này đã kết thúc") && r.Text.Contains("01/07/2021 đến 31/12/2021") && r.Text.Contains("hôm nay là 24/11/2026")
                              && r.Reply.Buttons.Any(b => b.Label == SendAnyway) && !r.Reply.Buttons.Any(b => b.Label == "✅ Gửi"),
                "the warning and the explicit button instead of the plain one")
            .Send("ok").AssertReply("Bấm «Vẫn gửi dù đợt đã kết thúc» nếu bạn chắc chắn")
            .Send("gửi").AssertReply("Đợt này đã kết thúc");
        Assert.Null(await bot.Store().FindAsync(1));

        await bot.Flow(Officer).Press(SendAnyway).AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
    }

    [Fact]
    public async Task DiscardingTheWarnedKickoffSendsNothing()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        await bot.Flow(Officer).Send("/phatdong quang-tri-2021 dot-1")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước").AssertReply("PHÁT ĐỘNG").AssertReply("Đợt này đã kết thúc")
            .Press("✖ Không gửi").AssertReply(TestBot.Text("broadcast.discarded"));
        Assert.Null(await bot.Store().FindAsync(1));
    }

    [Fact]
    public async Task AKickoffForTheRunningPhaseIsConfirmedAsUsualWithoutAWarning()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 8, 2, 10, 0, 0, TimeSpan.FromHours(7)));
        await using var bot = await StartAsync(time: time);
        bot.Seed(members: 1);
        await bot.Flow(Officer).Send("/phatdong tld-2021 dot-2")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước").AssertReply("PHÁT ĐỘNG THI ĐUA – Đợt 2")
            .AssertReply(r => !r.Text.Contains("đã kết thúc") && r.Reply.Buttons.Any(b => b.Label == "✅ Gửi"), "the usual confirmation")
            .Press("✅ Gửi").AssertReply("Bắt đầu gửi #1");
    }
}
