using System.Text.RegularExpressions;
using Bot.Broadcasts.Outbox;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastAccessTests;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public partial class ProgressTests
{
    private const string Text = "Họp công đoàn lúc 14:00";

    [Fact]
    public async Task TheOfficersProgressMessageIsEditedEveryFewSecondsThenBecomesTheReport()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        var settings = Paced(2);
        settings["Broadcasts:ProgressInterval"] = "00:00:02";
        await using var bot = await StartAsync(settings, time);
        bot.Seed(members: 12);
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish", time, TimeSpan.FromMilliseconds(250));
        // The report respects the officer chat's window like any progress message.
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã gửi xong")), "the final report", time, TimeSpan.FromMilliseconds(250));

        var messages = bot.Connector.To(Officer);
        var progressId = messages[0].MessageId;
        Assert.Contains("Đang gửi #1: ", messages[0].Text);
        var edits = messages.Skip(1).ToList();
        Assert.All(edits, e => Assert.Equal(progressId, e.Reply.EditMessageId));
        var counts = edits.Select(e => Done().Match(e.Text)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(counts.Count >= 3, $"only {counts.Count} progress edits");
        Assert.Equal(counts.Order(), counts);
        Assert.Contains(edits, e => e.Text.Contains("Còn khoảng:") && e.Reply.Buttons.Any(b => b.Label == "⏹ Dừng gửi"));
        Assert.Contains("Đã gửi xong #1: 12/12", edits[^1].Text);
        Assert.Empty(edits[^1].Reply.Buttons);
    }

    [Fact]
    public async Task OnAChannelThatCannotEditOnlyTheFinalReportFollowsTheFirstMessage()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        var settings = Paced(2);
        settings["Broadcasts:ProgressInterval"] = "00:00:02";
        await using var bot = await StartAsync(settings, time, new ChannelCapabilities { Buttons = true, EditMessages = false });
        bot.Seed(members: 12);
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish", time, TimeSpan.FromMilliseconds(250));
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã gửi xong")), "the final report", time, TimeSpan.FromMilliseconds(250));

        var messages = bot.Connector.To(Officer);
        Assert.Equal(2, messages.Count);
        Assert.Contains("Đang gửi #1: ", messages[0].Text);
        Assert.Contains("Đã gửi xong #1: 12/12", messages[1].Text);
    }

    [Fact]
    public async Task TheOfficerStopsARunningBroadcastWithTheButtonAndTheRestIsNotSent()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(Paced(1), time);
        bot.Seed(members: 10);
        var officer = bot.Flow(Officer, "Cán bộ Hà");
        // The preview is three messages to the officer's chat after the question: its window holds the fourth a moment.
        await using (Ticking(time, TimeSpan.FromMilliseconds(20)))
            await officer.Send("/thongbao " + Text).AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (11)")
                .AssertReply("Xem trước").AssertReply(Text).AssertReply("tới 11 người nhận").Press("✅ Gửi").AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => Delivered(bot) >= 3, "three members to get it", time, TimeSpan.FromMilliseconds(250));

        await officer.Press("⏹ Dừng gửi");
        Assert.Contains(bot.Connector.ButtonAnswers, a => a.Text == "Đang dừng gửi #1; báo cáo sẽ hiện khi dừng xong.");
        await UntilAsync(() => bot.Finished(1), "the broadcast to stop", time, TimeSpan.FromMilliseconds(200));
        var sent = Delivered(bot);
        time.Advance(TimeSpan.FromMinutes(1));
        await bot.SettleAsync();
        Assert.Equal(sent, Delivered(bot));

        var rows = (await bot.Store().RowsOfAsync(1));
        var sentRows = rows.Count(r => r.State == RecipientState.Sent);
        Assert.Equal(BroadcastState.Cancelled, (await bot.Store().FindAsync(1))!.State);
        Assert.InRange(sentRows, 3, 5);
        Assert.Equal(11 - sentRows, rows.Count(r => r.State == RecipientState.Cancelled));
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã dừng gửi #1 theo yêu cầu của Cán bộ Hà")), "the report", time, TimeSpan.FromMilliseconds(250));
        Assert.Contains($"{sentRows}/11 người nhận đã nhận, {11 - sentRows} người nhận không được gửi", bot.Connector.To(Officer).Last().Text);
    }

    [Fact]
    public async Task HuyguitinStopsTheRunningBroadcastOrSaysThereIsNone()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(Paced(1), time);
        bot.Seed(members: 5);
        var officer = bot.Flow(Officer);
        await officer.Send("/huyguitin").AssertReply("Hiện không có đợt gửi nào đang chạy.");

        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Services.GetRequiredService<BroadcastRunner>().Running.Count == 1, "the broadcast to run");
        // The broadcast's progress message may have just taken the officer chat's window (1 a second): the reply waits
        // for it, so the fake clock has to move while the reply is awaited (without it this test hung now and then).
        await using (Ticking(time, TimeSpan.FromMilliseconds(10)))
            await officer.Send("/huyguitin").AssertReplies(rs => rs.Any(r => r.Text.Contains("Đang dừng gửi #1")), "the stop");
        await UntilAsync(() => bot.Finished(1), "the broadcast to stop", time, TimeSpan.FromMilliseconds(200));
        Assert.Equal(BroadcastState.Cancelled, (await bot.Store().FindAsync(1))!.State);
    }

    private static int Delivered(TestBot bot) => bot.Connector.All.Count(r => r.Text.Contains(Text) && r.To.ChatId != Officer);

    [GeneratedRegex(@"Đang gửi #1: (\d+)/12")]
    private static partial Regex Done();
}
