using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class QuickRegistrationTests
{
    private static readonly QuickPledgeParser Parser = new(PledgeContent.Load(Path.Combine(AppContext.BaseDirectory, "dialogs")));

    // message → title, name, position, unit, initiative ("" = not given)
    public static TheoryData<string, string, string, string, string, string> Shapes => new()
    {
        { "CSTĐCS sáng kiến: Cải tiến quy trình đóng gói", "cstd-co-so", "", "", "", "Cải tiến quy trình đóng gói" },
        { "cstdcs sang kien: Cai tien quy trinh dong goi", "cstd-co-so", "", "", "", "Cai tien quy trinh dong goi" },
        { "CSTĐ cấp tỉnh, đề tài: Phần mềm quản lý kho", "cstd-tinh-bo", "", "", "", "Phần mềm quản lý kho" },
        { "Tổ trưởng, Lê Văn Cường, Tổ Điện, CSTĐCS, sáng kiến: Tiết kiệm điện năng", "cstd-co-so", "Lê Văn Cường", "Tổ trưởng", "Tổ Điện", "Tiết kiệm điện năng" },
        { "Chiến sĩ thi đua cấp tỉnh/bộ", "cstd-tinh-bo", "", "", "", "" },
        { "chien sy thi dua co so", "cstd-co-so", "", "", "", "" },
        { "ĐVCĐXS, Trần Thị Bình", "dvcd-xuat-sac", "Trần Thị Bình", "", "", "" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AQuickMessageIsReadIntoTheFieldsItNames(string message, string title, string name, string position, string unit, string initiative)
    {
        var parsed = Parser.Parse(message);
        Assert.True(parsed.Understood, $"not understood: {message}");
        var d = parsed.Draft;
        Assert.Equal((title, name, position, unit, initiative), (d.TitleId ?? "", d.FullName ?? "", d.Position ?? "", d.Unit ?? "", d.Initiative ?? ""));
    }

    [Theory]
    [MemberData(nameof(QuickMessageShapes.All), MemberType = typeof(QuickMessageShapes))]
    public void AMessageTypedAsMembersTypeItIsReadIntoNamePositionUnitTitleAndCommendation(
        string message, string name, string position, string unit, string title, string commendation)
    {
        var parsed = Parser.Parse(message);
        Assert.True(parsed.Understood, $"not understood: {message}");
        var d = parsed.Draft;
        Assert.Equal((name, position, unit, title, commendation), (d.FullName ?? "", d.Position ?? "", d.Unit ?? "", d.TitleId ?? "", d.CommendationId ?? ""));
    }

    [Fact]
    public void CommendationCommitmentAndFieldAreReadToo()
    {
        var d = Parser.Parse("CSTĐCS bằng khen, sáng kiến: Cải tiến máy tiện, lĩnh vực: Cơ khí, cam kết: Hoàn thành vượt mức").Draft;
        Assert.Equal(("bang-khen", "Cải tiến máy tiện", "Cơ khí", "Hoàn thành vượt mức"), (d.CommendationId, d.Initiative, d.InitiativeField, d.Commitment));
    }

    [Theory]
    [InlineData("xin chào", QuickFailure.NotUnderstood)]
    [InlineData("123", QuickFailure.NotUnderstood)]
    [InlineData("😀😀😀", QuickFailure.NotUnderstood)]
    [InlineData("CSTĐ", QuickFailure.NotUnderstood)]
    [InlineData("cảm ơn ad ạ", QuickFailure.NotUnderstood)]
    [InlineData("LĐTT\u0000", QuickFailure.InvalidCharacters)]
    [InlineData("LĐTT \u202Egnaoh", QuickFailure.InvalidCharacters)]
    [InlineData("", QuickFailure.Empty)]
    public void AMessageThatCannotBePlacedIsNotGuessed(string message, QuickFailure failure) =>
        Assert.Equal(failure, Parser.Parse(message).Failure);

    [Fact]
    public void AVeryLongMessageIsRefused() => Assert.Equal(QuickFailure.TooLong, Parser.Parse("LĐTT " + new string('a', 5000)).Failure);

    [Fact]
    public async Task QuickTitleOnlyAsksForTheMissingRequiredFieldsThenTheSummary()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("/dangky LĐTT").Contains("Họ và tên")
            .Send("Nguyễn Văn An").Contains("Chức vụ")
            .Send("Công nhân").Contains("tổ công đoàn")
            .Send("Tổ Cơ khí").Contains("Kiểm tra lại", "Lao động tiên tiến", "Tổ Cơ khí")
            .Press("Xác nhận").Contains("Đã lưu");
        Assert.Equal("ldtt", Assert.Single(bot.Pledges().All()).TitleId);
    }

    [Fact]
    public async Task QuickNameUnitAndTitleAsksOnlyThePosition()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky Nguyễn Văn An, Tổ Cơ khí, Lao động tiên tiến").Contains("Chức vụ")
            .Send("Công nhân").Contains("Kiểm tra lại", "Nguyễn Văn An", "Tổ Cơ khí", "Công nhân");
    }

    [Fact]
    public async Task QuickInitiativeTitleAsksTheInitiativeFieldItRequires()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky CSTĐCS sáng kiến: Cải tiến quy trình đóng gói").Contains("Họ và tên")
            .Send("Nguyễn Văn An").Drain(bot).Send("Công nhân").Drain(bot).Send("Tổ Cơ khí").Contains("lĩnh vực")
            .Send("2").Contains("Kiểm tra lại", "Cải tiến quy trình đóng gói", "Quản lý, điều hành");
    }

    [Fact]
    public async Task AReturningMemberGoesStraightToTheSummaryWithLastDetails()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        await flow.Send("/dangky ĐVCĐXS").Contains("Kiểm tra lại", "Nguyễn Văn An", "Tổ Cơ khí", "Đoàn viên công đoàn xuất sắc")
            .Press("Xác nhận").Contains("Đã cập nhật");
        Assert.Equal("dvcd-xuat-sac", Assert.Single(bot.Pledges().All()).TitleId);
    }

    [Fact]
    public async Task PlainTextInAPrivateChatRegistersWhenItNamesATitle()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("đăng ký lao động tiên tiến").Contains("Họ và tên")
            .Send("huỷ").Contains("Đã huỷ")
            .Send("dang ky").Contains("Họ và tên");
    }

    [Fact]
    public async Task AQuestionAboutRegisteringIsLeftForOtherHandlers()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("đăng ký thi đua như thế nào?").AssertReply(r => !r.Text.Contains("Họ và tên"), "no form");
    }

    [Theory]
    [InlineData("/dangky abc xyz", "chưa đọc được")]
    [InlineData("/dangky 😀😀", "chưa đọc được")]
    [InlineData("/dangky LĐTT\u0007", "ký tự điều khiển")]
    public async Task AnUnreadableQuickRegistrationGetsTheAcceptedShapes(string message, string answer)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(message).Contains(answer, "/dangky").AssertNoReply();
        Assert.Empty(bot.Pledges().All());
    }
}
