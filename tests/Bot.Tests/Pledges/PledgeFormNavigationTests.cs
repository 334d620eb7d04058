using Bot.Builder.Testing;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class PledgeFormNavigationTests
{
    [Fact]
    public async Task BackReasksThePreviousQuestionAndKeepsEarlierAnswers()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("/dangky").Contains("Họ và tên")
            .Send("quay lại").Contains("câu hỏi đầu tiên").Contains("Họ và tên")
            .Send("Nguyễn Văn An").Contains("Chức vụ")
            .Send("Công nhân").Contains("tổ công đoàn")
            .Send("quay lại").Contains("Chức vụ")
            .Send("Kỹ sư").Contains("tổ công đoàn")
            .Send("Tổ Cơ khí").Contains("phong trào")
            .Send("bỏ qua").Contains("danh hiệu")
            .Send("LĐTT").Contains("khen thưởng")
            .Send("bỏ qua").Contains("cam kết")
            .Send("bỏ qua").Contains("Kiểm tra lại", "Kỹ sư", "Nguyễn Văn An")
            .Send("quay lại").Contains("cam kết")
            .Send("Luôn hoàn thành tốt nhiệm vụ").Contains("Kiểm tra lại", "Luôn hoàn thành tốt nhiệm vụ")
            .Press("Xác nhận").Contains("Đã lưu");
        Assert.Equal("Kỹ sư", Assert.Single(bot.Pledges().All()).Position);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public async Task CancelAtAnyStepClearsTheFormAndSavesNothing(int answeredBeforeCancel)
    {
        await using var bot = await TestBot.StartAsync();
        string[] answers = ["Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "bỏ qua", "CSTĐCS", "Sáng kiến tiết kiệm điện năng", "1"];
        var flow = bot.Flow().Send("/dangky").Drain(bot);
        foreach (var answer in answers.Take(answeredBeforeCancel)) flow = flow.Send(answer).Drain(bot);
        if (answeredBeforeCancel > answers.Length) flow = flow.Send("bỏ qua").Drain(bot);
        await flow.Send("huỷ").Contains("Đã huỷ")
            .Send("Tổ Cơ khí").Contains("chưa hiểu");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task CancelFromTheSummaryButtonSavesNothing()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().UpToTitle().Send("LĐTT").Drain(bot).Send("bỏ qua").Drain(bot).Send("bỏ qua").Contains("Kiểm tra lại")
            .Press("Huỷ").Contains("Đã huỷ");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task EditBeforeConfirmChangesOneFieldAndReturnsToTheSummary()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().UpToTitle().Send("LĐTT").Drain(bot).Send("bỏ qua").Drain(bot).Send("bỏ qua").Contains("Kiểm tra lại", "Tổ Cơ khí")
            .Press("Sửa").Contains("sửa mục nào")
            .Press("Đơn vị").Contains("tổ công đoàn")
            .Send("Tổ Điện").Contains("Kiểm tra lại", "Tổ Điện", "Lao động tiên tiến")
            .Send("sửa").Contains("sửa mục nào")
            .Send("Danh hiệu đăng ký").Contains("danh hiệu")
            .Send("CSTĐCS").Contains("sáng kiến")
            .Send("Cải tiến máy tiện").Contains("lĩnh vực")
            .Send("Cơ khí chế tạo").Contains("Kiểm tra lại", "Chiến sĩ thi đua cơ sở", "Cải tiến máy tiện", "Cơ khí chế tạo")
            .Send("xác nhận").Contains("Đã lưu");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Tổ Điện", "cstd-co-so", "Cải tiến máy tiện"), (pledge.Unit, pledge.TitleId, pledge.Initiative));
    }

    [Fact]
    public async Task AFormLeftHalfwayContinuesAtTheSameFieldAfterAHostRestart()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pledge-restart-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = file };
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.DefaultNow);
        try
        {
            await using (var first = await TestBot.StartAsync(settings, time))
            {
                await first.Flow().Send("/dangky").Drain(first).Send("Nguyễn Văn An").Drain(first).Send("Công nhân").Contains("tổ công đoàn");
            }
            time.Advance(TimeSpan.FromDays(1));
            await using var second = await TestBot.StartAsync(settings, time);
            await second.Flow().Send("Tổ Cơ khí").Contains("phong trào")
                .Send("bỏ qua").Contains("danh hiệu")
                .Send("LĐTT").Contains("khen thưởng")
                .Send("bỏ qua").Contains("cam kết")
                .Send("bỏ qua").Contains("Kiểm tra lại", "Nguyễn Văn An", "Công nhân", "Tổ Cơ khí")
                .Send("xác nhận").Contains("Đã lưu");
            Assert.Single(second.Pledges().All());
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(file) + "*")) File.Delete(f);
        }
    }

    [Fact]
    public async Task ADraftOlderThanTheExpirySaysItExpiredAndOffersToRestart()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("/dangky").Drain(bot).Send("Nguyễn Văn An").Contains("Chức vụ");
        bot.Time.Advance(TimeSpan.FromDays(1));
        await flow.Send("Công nhân").Contains("tổ công đoàn");
        bot.Time.Advance(TimeSpan.FromHours(169));
        await flow.Send("Tổ Cơ khí").Contains("hết hạn", "quá 7 ngày")
            .Press("Đăng ký lại từ đầu").Contains("Họ và tên")
            .Send("huỷ").Contains("Đã huỷ")
            .Send("Tổ Cơ khí").Contains("chưa hiểu");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task TheDraftExpiryCanBeSetInConfiguration()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Pledges:DraftExpiry"] = "00:30:00" });
        var flow = bot.Flow();
        await flow.Send("/dangky").Drain(bot);
        bot.Time.Advance(TimeSpan.FromMinutes(31));
        await flow.Send("Nguyễn Văn An").Contains("hết hạn");
    }

    [Fact]
    public async Task RegisteringAgainOffersLastAnswersAndUpdatesTheSamePledgeAfterConfirmation()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow(userName: "An");
        await flow.RegisterLdtt();
        var first = Assert.Single(bot.Pledges().All());
        bot.Time.Advance(TimeSpan.FromDays(2));

        await flow.Send("/dangky").Contains("Họ và tên", "Bấm nút")
            .Press("Nguyễn Văn An").Contains("Chức vụ", "Bấm nút")
            .Press("Công nhân").Contains("tổ công đoàn")
            .Send("1").Contains("phong trào")
            .Send("bỏ qua").Contains("danh hiệu")
            .Send("ĐVCĐXS").Drain(bot).Send("bỏ qua").Drain(bot).Send("bỏ qua").Contains("Kiểm tra lại", "Tổ Cơ khí", "đã đăng ký «Lao động tiên tiến»", "24/11/2026")
            .Press("Xác nhận").Contains("Đã cập nhật");
        var updated = Assert.Single(bot.Pledges().All());
        Assert.Equal((first.Id, "dvcd-xuat-sac", PledgeStatus.Submitted), (updated.Id, updated.TitleId, updated.Status));
        Assert.Equal(first.CreatedAt, updated.CreatedAt);
        Assert.Equal(TestBot.DefaultNow.AddDays(2), updated.UpdatedAt);
    }

    [Fact]
    public async Task WithSeveralPlansInForceTheFormAsksWhichPlanFirst()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        await using var bot = await TestBot.StartAsync(time: time);
        await bot.Flow().Send("/dangky").Contains("kế hoạch nào")
            .Send("2").Contains("Họ và tên");
    }
}
