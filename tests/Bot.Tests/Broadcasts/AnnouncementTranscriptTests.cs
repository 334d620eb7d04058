using Bot.Broadcasts.Outbox;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class AnnouncementTranscriptTests
{
    private const string Text = "Họp công đoàn lúc 14:00 thứ Sáu tại hội trường";

    [Fact]
    public async Task AnOfficerPreviewsConfirmsAndEveryRecipientGetsTheAnnouncementOnce()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3, groups: 2);
        var officer = bot.Flow(Officer, "Cán bộ Hà");
        await officer.Send($"/thongbao {Text}")
            .AssertReply(r => r.Text.Contains("Gửi tới ai?") && r.Reply.Buttons.Any(b => b.Label == "Chỉ các nhóm (2)"), "the audience question")
            .Press("Tất cả: 2 nhóm và 4 thành viên")
            .AssertReply("Xem trước")
            .AssertReply(r => r.Text.Contains("Thông báo của Công đoàn") && r.Text.Contains(Text), "the preview of the announcement")
            .AssertReply("Gửi tin nhắn trên tới 6 người nhận (2 nhóm, 4 thành viên)?")
            .Press("✅ Gửi")
            .AssertReply(r => r.Text.Contains("Bắt đầu gửi #1 tới 6 người nhận") && r.Reply.Buttons.Any(b => b.Label == "⏹ Dừng gửi"), "the progress message");
        var progressId = officer.Last!.MessageId;

        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        foreach (var chat in new[] { "m1", "m2", "m3", "g1", "g2" })
            Assert.Single(bot.Connector.To(chat), r => r.Text.Contains(Text));
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã gửi xong #1: 6/6")), "the final report");
        var report = bot.Connector.To(Officer).Last(r => r.Text.Contains("Đã gửi xong"));
        Assert.Equal(progressId, report.Reply.EditMessageId);
        Assert.All(await bot.Store().RowsOfAsync(1), row => Assert.Equal(RecipientState.Sent, row.State));
    }

    [Fact]
    public async Task WithoutTextTheOfficerIsAskedForIt()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        await bot.Flow(Officer).Send("/thongbao")
            .AssertReply("Nhập nội dung thông báo")
            .Send(Text)
            .AssertReply(TestBot.Text("broadcast.pick-audience"))
            .Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước")
            .AssertReply(Text)
            .AssertReply("tới 2 người nhận (0 nhóm, 2 thành viên)");
    }

    [Fact]
    public async Task DecliningAtThePreviewSendsNothingAndStoresNothing()
    {
        await using var bot = await StartAsync();
        var channel = bot.Channel();
        bot.Seed(members: 2, groups: 1);
        await bot.Flow(Officer).Send($"/thongbao {Text}")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ các nhóm (1)")
            .AssertReply("Xem trước").AssertReply(Text).AssertReply("tới 1 người nhận")
            .Press("✖ Không gửi")
            .AssertReply(TestBot.Text("broadcast.discarded"));
        await bot.SettleAsync();
        Assert.Null(await bot.Store().FindAsync(1));
        Assert.DoesNotContain(channel.Attempts, a => a.ChatId != Officer);
    }

    [Fact]
    public async Task CancellingWhileChoosingTheAudienceEndsTheFlow()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2);
        await bot.Flow(Officer).Send($"/thongbao {Text}")
            .AssertReply(TestBot.Text("broadcast.pick-audience"))
            .Send("huỷ")
            .AssertReply("Đã huỷ")
            .Send("1")
            .AssertReply(r => !r.Text.Contains("Xem trước"), "no preview after cancelling");
        Assert.Null(await bot.Store().FindAsync(1));
    }

    [Fact]
    public async Task GoingBackFromTheConfirmationAsksForTheAudienceAgain()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2, groups: 1);
        await bot.Flow(Officer).Send($"/thongbao {Text}")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ các nhóm (1)")
            .AssertReply("Xem trước").AssertReply(Text).AssertReply("tới 1 người nhận")
            .Send("quay lại")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (3)")
            .AssertReply("Xem trước").AssertReply(Text).AssertReply("tới 3 người nhận");
    }

    [Fact]
    public async Task WithNobodyInTheChosenAudienceTheOfficerIsToldAndNothingIsStored()
    {
        await using var bot = await StartAsync();
        await bot.Flow(Officer).Send($"/thongbao {Text}")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ các nhóm (0)")
            .AssertReply("Chưa có người nhận nào phù hợp");
        Assert.Null(await bot.Store().FindAsync(1));
    }
}
