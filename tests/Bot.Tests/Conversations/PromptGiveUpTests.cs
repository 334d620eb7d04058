using Bot.Broadcasts.Outbox;
using Bot.Builder.Testing;
using Bot.Pledges;
using Bot.Tests.Pledges;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Conversations;

/// <summary>Every prompt that stops asking says so, says what to do, and keeps what was entered.</summary>
public class PromptGiveUpTests
{
    private const string Nonsense = "zzz";

    private static TestFlow WrongAnswers(TestFlow flow, TestBot bot, int count)
    {
        for (var i = 0; i < count; i++) flow = flow.Drain(bot).Send(Nonsense);
        return flow;
    }

    private static TestFlow UpToSummary(TestFlow flow) =>
        flow.UpToTitle().Send("LĐTT").Contains("khen thưởng").Send("bỏ qua").Contains("cam kết").Send("bỏ qua").Contains("Kiểm tra lại");

    [Fact]
    public async Task TheFieldChoiceAfterEditGivesUpBackToTheSummaryWithTheDraftKept()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = UpToSummary(bot.Flow()).Press("Sửa").Contains("sửa mục nào");
        await WrongAnswers(flow, bot, 3)
            .Contains(TestBot.Text("pledge.edit-give-up"))
            .Contains("Kiểm tra lại", "Nguyễn Văn An", "Tổ Cơ khí")
            .Press("Xác nhận").Contains("Đã lưu");
        Assert.Equal(("Nguyễn Văn An", "Tổ Cơ khí"), bot.Pledges().All().Select(p => (p.FullName, p.Unit)).Single());
    }

    [Fact]
    public async Task AFormQuestionGivesUpAndDangkyContinuesWhereItStopped()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow().Send("/dangky").Contains("Họ và tên").Send("Nguyễn Văn An").Contains("Chức vụ").Send("Công nhân").Contains("tổ công đoàn");
        for (var i = 0; i < 5; i++) flow = flow.Drain(bot).Send("😀");
        await flow.Contains("cần có chữ").Contains(TestBot.Text("pledge.give-up"))
            .Send("chào").AssertReply(r => !r.Text.Contains("tổ công đoàn"), "the form no longer holds the chat")
            .Drain(bot).Send("/dangky").Contains("tổ công đoàn")
            .Send("Tổ Cơ khí").Contains("phong trào");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task TheSummaryGivesUpAndKeepsTheDraftForDangky()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = UpToSummary(bot.Flow());
        await WrongAnswers(flow, bot, 5).Contains(TestBot.Text("pledge.give-up"))
            .Send("/dangky").Contains("Kiểm tra lại", "Tổ Cơ khí")
            .Press("Xác nhận").Contains("Đã lưu");
        Assert.Single(bot.Pledges().All());
    }

    [Fact]
    public async Task TheGroupConfirmGivesUpAndTheDetailsWaitForThePrivateChat()
    {
        await using var bot = await TestBot.StartAsync();
        var inGroup = bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group)
            .Send("/dangky Nguyễn Văn An, Công nhân, Tổ Cơ khí, LĐTT").Contains("Nguyễn Văn An", "Lao động tiên tiến");
        await WrongAnswers(inGroup, bot, 3).Contains(TestBot.Text("pledge.group-give-up"));
        Assert.Empty(bot.Pledges().All());
        await bot.Flow("u1").Send("/dangky").Contains("Kiểm tra lại", "Tổ Cơ khí").Press("Xác nhận").Contains("Đã lưu");
        Assert.Equal("Tổ Cơ khí", Assert.Single(bot.Pledges().All()).Unit);
    }

    [Fact]
    public async Task TheOfficersReturnReasonGivesUpAndThePledgeIsUnchanged()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        var id = bot.Pledges().All().Single().Id;
        var officer = bot.Flow("officer").Send($"/danhsach {id}").Drain(bot).Press("Trả lại").Contains("Lý do trả lại");
        for (var i = 0; i < 3; i++) officer = officer.Drain(bot).Send("ok");
        await officer.Contains(TestBot.Text("pledge-officer.reason-give-up", ("id", id)));
        Assert.Equal(PledgeStatus.Submitted, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task TheKickoffPlanPickGivesUpAndSaysNothingWasSent()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        var officer = bot.Flow(Officer).Send("/phatdong").AssertReply("Phát động đợt thi đua của kế hoạch nào?");
        await WrongAnswers(officer, bot, 3).Contains(TestBot.Text("broadcast.give-up"));
        Assert.Empty(await bot.Store().RecentAsync(10));
    }

    [Fact]
    public async Task TheAnnouncementAudienceGivesUpAndHandsTheTextBack()
    {
        const string text = "Họp công đoàn lúc 14:00 <thứ Sáu>";
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        var officer = bot.Flow(Officer).Send($"/thongbao {text}").AssertReply(TestBot.Text("broadcast.pick-audience"));
        // The reply is read as the member sees it (HTML rendered), so the typed text comes back exactly.
        await WrongAnswers(officer, bot, 3).Contains("Chưa có gì được gửi đi", "/thongbao", text);
        Assert.Empty(await bot.Store().RecentAsync(10));
    }
}
