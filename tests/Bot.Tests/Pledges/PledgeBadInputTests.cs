namespace Bot.Tests.Pledges;

/// <summary>Empty, huge, emoji-only and control-character input: a clear answer every time and never a partial record.</summary>
public class PledgeBadInputTests
{
    // message → refusal, then what the next line "Nguyễn Văn An" gets: an unreadable message gives it a second
    // reading as the registration (QuickRegistrationTranscriptTests); a too long or hidden-character one does not.
    public static TheoryData<string, string, string> QuickMessages => new()
    {
        { "/dangky " + new string('x', 5000), "quá dài", "chưa hiểu" },
        { "/dangky 😀🎉👍", "chưa đọc được", "Chức vụ" },
        { "/dangky LĐTT \u0001\u0002", "ký tự điều khiển", "chưa hiểu" },
        { "/dangky Nguyễn Văn An\u202E, LĐTT", "ký tự điều khiển", "chưa hiểu" },
    };

    [Theory]
    [MemberData(nameof(QuickMessages))]
    public async Task ABadQuickRegistrationIsAnsweredAndNothingIsSaved(string message, string answer, string next)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(message).Contains(answer).AssertNoReply()
            .Send("Nguyễn Văn An").Contains(next);
        Assert.Empty(bot.Pledges().All());
    }

    public static TheoryData<string, string> FormAnswers => new()
    {
        { "", "chưa nhập nội dung" },
        { "   ", "chưa nhập nội dung" },
        { new string('x', 5000), "tối đa 120 ký tự" },
        { "😀🎉👍", "cần có chữ" },
        { "Tổ\u0000 Cơ khí", "ký tự điều khiển" },
    };

    [Theory]
    [MemberData(nameof(FormAnswers))]
    public async Task ABadFormAnswerIsAnsweredTheFormStaysAtTheSameFieldAndNothingIsSaved(string answer, string reply)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky").Drain(bot).Send("Nguyễn Văn An").Drain(bot).Send("Công nhân").Contains("tổ công đoàn")
            .Send(answer).Contains(reply).Drain(bot)
            .Send("Tổ Cơ khí").Contains("phong trào");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task BadInputAtTheSummaryIsAskedAgainAndNothingIsSaved()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky LĐTT").Drain(bot).Send("Nguyễn Văn An").Drain(bot).Send("Công nhân").Drain(bot).Send("Tổ Cơ khí").Contains("Kiểm tra lại")
            .Send("😀").Contains("Xác nhận")
            .Send(new string('y', 5000)).Contains("Xác nhận");
        Assert.Empty(bot.Pledges().All());
    }
}
