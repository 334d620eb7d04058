using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class RegisterPledgeTests
{
    [Fact]
    public async Task TheGuidedFormAsksEveryFieldAndSavesOnlyAfterConfirmation()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow
            .Send("/dangky").Contains("Họ và tên")
            .Send("Nguyễn Văn An").Contains("Chức vụ")
            .Send("Công nhân").Contains("tổ công đoàn")
            .Send("Tổ Cơ khí").Contains("phong trào")
            .Send("1, 3").Contains("danh hiệu")
            .Send("2").Contains("Chiến sĩ thi đua cơ sở", "sáng kiến")
            .Send("Cải tiến quy trình đóng gói").Contains("lĩnh vực")
            .Send("1").Contains("khen thưởng")
            .Send("Bằng khen").Contains("cam kết")
            .Send("Hoàn thành vượt mức kế hoạch").Contains("Kiểm tra lại", "Nguyễn Văn An", "Tổ Cơ khí", "Cải tiến quy trình đóng gói", "Kỹ thuật, công nghệ", "Bằng khen", "Lao động giỏi, Lao động sáng tạo");
        Assert.Empty(bot.Pledges().All());

        await flow.Press("Xác nhận").Contains("Đã lưu", "Chiến sĩ thi đua cơ sở");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "cstd-co-so", "bang-khen"), (pledge.FullName, pledge.Position, pledge.Unit, pledge.TitleId, pledge.CommendationId));
        Assert.Equal(("Cải tiến quy trình đóng gói", "Kỹ thuật, công nghệ", "Hoàn thành vượt mức kế hoạch"), (pledge.Initiative, pledge.InitiativeField, pledge.Commitment));
        Assert.Equal(["ldg-ldst", "xsd-atvsld"], pledge.Movements);
        Assert.Equal(("tld-2021", PledgeStatus.Submitted, "test", "u1", "u1"), (pledge.PlanId, pledge.Status, pledge.Channel, pledge.UserId, pledge.PrivateChatId));
        Assert.Equal(TestBot.DefaultNow, pledge.CreatedAt);
    }
}

public class PledgeFormValidationTests
{
    public static TheoryData<string, string[], string, string> BadAnswers => new()
    {
        // field reached by these answers, bad answer, what the bot says, then a good answer
        { "name", [], "An", "từ 2 đến 7 chữ" },
        { "name", [], "Nguyễn Văn 3", "chỉ gồm chữ cái" },
        { "name", [], "😀😀😀", "cần có chữ" },
        { "name", [], new string('a', 5000), "tối đa 50 ký tự" },
        { "name", [], "Nguyễn\u0007 Văn An", "ký tự điều khiển" },
        { "position", ["Nguyễn Văn An"], "bỏ qua", "bắt buộc" },
        { "position", ["Nguyễn Văn An"], "x", "ít nhất 2 ký tự" },
        { "unit", ["Nguyễn Văn An", "Công nhân"], "!!! ???", "cần có chữ" },
        { "unit", ["Nguyễn Văn An", "Công nhân"], new string('b', 121), "tối đa 120 ký tự" },
        { "movements", ["Nguyễn Văn An", "Công nhân", "Tổ Cơ khí"], "99", "chưa nhận ra phong trào" },
        { "title", ["Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "bỏ qua"], "Anh hùng lao động", "chưa nhận ra danh hiệu" },
        { "initiative", ["Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "bỏ qua", "CSTĐCS"], "abc", "ít nhất 5 ký tự" },
        { "initiative", ["Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "bỏ qua", "CSTĐCS"], "bỏ qua", "bắt buộc" },
        { "commendation", ["Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "bỏ qua", "LĐTT"], "Huân chương", "hình thức khen thưởng mong muốn trong danh sách" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task AnInvalidAnswerIsExplainedAndAskedAgainWithNothingSaved(string field, string[] before, string bad, string explanation)
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow().Send("/dangky").Drain(bot);
        foreach (var answer in before) flow = flow.Send(answer).Drain(bot);
        await flow.Send(bad).Contains(explanation).Drain(bot);
        Assert.Empty(bot.Pledges().All());

        // The same question is still open: a good answer moves on.
        var good = field switch
        {
            "name" => ("Trần Thị Bình", "Chức vụ"),
            "position" => ("Kỹ sư", "tổ công đoàn"),
            "unit" => ("Phòng Kỹ thuật", "phong trào"),
            "movements" => ("2", "danh hiệu"),
            "title" => ("1", "khen thưởng"),
            "initiative" => ("Phần mềm quản lý kho vật tư", "lĩnh vực"),
            _ => ("Giấy khen", "cam kết"),
        };
        await flow.Send(good.Item1).Contains(good.Item2);
    }

    [Fact]
    public async Task TheTitleIsRecognisedByNumberLabelOrAbbreviationWithoutDiacritics()
    {
        foreach (var (answer, title) in new[] { ("1", "Lao động tiên tiến"), ("lao dong tien tien", "Lao động tiên tiến"), ("cstdcs", "Chiến sĩ thi đua cơ sở"), ("ĐVCĐXS", "Đoàn viên công đoàn xuất sắc") })
        {
            await using var bot = await TestBot.StartAsync();
            await bot.Flow().UpToTitle().Send(answer).AssertReply(r => r.Text.Contains("khen thưởng") || r.Text.Contains(title), $"the next question after {answer}");
        }
    }

    [Fact]
    public async Task TooManyInvalidAnswersStopTheFormAndSaveNothing()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow().UpToTitle();
        for (var i = 0; i < 4; i++) flow = flow.Send("không biết").Contains("chưa nhận ra danh hiệu");
        await flow.Send("không biết").Contains("dừng biểu mẫu").Send("Tổ Cơ khí").Contains("chưa hiểu");
        Assert.Empty(bot.Pledges().All());
    }
}
