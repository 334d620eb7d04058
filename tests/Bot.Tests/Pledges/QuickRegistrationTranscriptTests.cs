using Bot.Builder.Testing;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

/// <summary>Quick registrations as members type them, through the real bot.</summary>
public class QuickRegistrationTranscriptTests
{
    [Fact]
    public async Task ALowerCaseNameIsReadAndWrittenBackInProperCase()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky tran thi mai, to dien, ldtt").Contains("Chức vụ")
            .Send("Công nhân").Contains("Kiểm tra lại", "Tran Thi Mai", "To Dien", "Lao động tiên tiến")
            .Press("Xác nhận").Contains("Đã lưu");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Tran Thi Mai", "To Dien", "ldtt"), (pledge.FullName, pledge.Unit, pledge.TitleId));
    }

    [Fact]
    public async Task AConversationalMessageIsRead()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky Em là Trần Thị Mai ở tổ Điện, đăng ký LĐTT ạ").Contains("Chức vụ")
            .Send("Công nhân").Contains("Kiểm tra lại", "Trần Thị Mai", "Tổ Điện", "Lao động tiên tiến");
    }

    [Fact]
    public async Task APositionBeforeTheUnitFillsBothAndGoesStraightToTheSummary()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky Hoàng Văn Nam, tổ phó tổ Hàn, LĐTT").Contains("Kiểm tra lại", "Hoàng Văn Nam", "Tổ phó", "Tổ Hàn")
            .Press("Xác nhận").Contains("Đã lưu");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Tổ phó", "Tổ Hàn"), (pledge.Position, pledge.Unit));
    }

    [Fact]
    public async Task ATrailingYearIsNotPartOfAnyField()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT năm 2021").Contains("Kiểm tra lại", "Tổ Cơ khí")
            .Press("Xác nhận").Contains("Đã lưu");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Nguyễn Văn An", "Công nhân", "Tổ Cơ khí"), (pledge.FullName, pledge.Position, pledge.Unit));
    }

    [Fact]
    public async Task PlainTextStartingWithARegisterWordInAPrivateChatIsARegistration()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("đăng ký giúp em LĐTT: Trần Thị Mai, công nhân tổ Điện").Contains("Kiểm tra lại", "Trần Thị Mai", "Tổ Điện", "Công nhân")
            .Send("huỷ").Contains("Đã huỷ")
            .Send("dk lđtt tran thi mai to dien").Contains("Chức vụ");
    }

    [Fact]
    public async Task ANameUnitAndTitleWithoutRegisterWordIsARegistrationToo()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT").Contains("Kiểm tra lại", "Nguyễn Văn An", "Tổ Cơ khí");
    }

    [Fact]
    public async Task AQuestionWordInsideAUnitNameDoesNotMakeARegistrationAQuestion()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("đăng ký LĐTT Nguyễn Văn An, công nhân, tổ Sao Mai").Contains("Kiểm tra lại", "Tổ Sao Mai");
    }

    [Theory]
    [InlineData("đăng ký thi đua là gì?")]
    [InlineData("làm sao để đăng ký")]
    [InlineData("đăng ký thi đua như thế nào")]
    public async Task AQuestionAboutRegisteringStaysWithTheFaq(string question)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(question).AssertReply(r => !r.Text.Contains("Họ và tên") && !r.Text.Contains("Kiểm tra lại") && !r.Text.Contains("chưa đọc được"), "no form, no refusal");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task PlainTextInAGroupIsNotRead()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(chatId: "g1", chatKind: ChatKind.Group).Send("đăng ký LĐTT Nguyễn Văn An, Tổ Cơ khí").AssertNoReply();
    }

    [Theory]
    [InlineData("/dang ky Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT")]
    [InlineData("/dang ki Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT")]
    [InlineData("/đăng ký Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT")]
    [InlineData("/Dang Ky: Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT")]
    public async Task DangKyWithASpaceIsTheRegisterCommand(string message)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(message).Contains("Kiểm tra lại", "Nguyễn Văn An", "Tổ Cơ khí");
    }

    [Fact]
    public async Task DangKyWithASpaceWorksInAGroupToo()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(chatId: "g1", chatKind: ChatKind.Group).Send("/dang ky Nguyễn Văn An, công nhân, Tổ Cơ khí, LĐTT")
            .Contains("Nguyễn Văn An đăng ký danh hiệu", "Lao động tiên tiến");
    }

    [Fact]
    public async Task DangKyWithASpaceAloneOpensTheGuidedForm()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dang ky").Contains("Họ và tên");
    }

    [Fact]
    public async Task AnUncertainParseIsShownForConfirmationWithTheGuessesNamed()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky Thanh Tâm, công nhân, Cơ khí, LĐTT").Contains("Tôi đoán", "họ và tên", "đơn vị")
            .Contains("Kiểm tra lại", "Thanh Tâm", "Cơ khí")
            .Press("Xác nhận").Contains("Đã lưu");
        Assert.Equal(("Thanh Tâm", "Cơ khí"), (Assert.Single(bot.Pledges().All()).FullName, bot.Pledges().All()[0].Unit));
    }

    [Fact]
    public async Task ARefusalQuotesTheMessageAndShowsAnExample()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky abc xyz").Contains("«abc xyz»", "họ tên", "đơn vị", "danh hiệu", "Nguyễn Văn An, Tổ Cơ khí, LĐTT", "Tin nhắn tiếp theo");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task ARefusalIsInTheMembersLanguage()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(language: "en").Send("/pledge abc xyz").Contains("could not read the registration “abc xyz”", "Your next message");
    }

    [Fact]
    public async Task TheLineAfterARefusalIsReadAsTheCorrectedRegistration()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky abc xyz").Contains("chưa đọc được")
            .Send("Trần Thị Mai, tổ Điện, LĐTT").Contains("Chức vụ")
            .Send("Công nhân").Contains("Kiểm tra lại", "Trần Thị Mai", "Tổ Điện");
    }

    [Fact]
    public async Task ASecondUnreadableLineOpensTheGuidedFormInsteadOfTheFaq()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky abc xyz").Contains("chưa đọc được")
            .Send("hihi").Contains("vẫn chưa đọc được", "«hihi»")
            .Contains("Họ và tên");
    }

    [Fact]
    public async Task StopAfterARefusalRegistersNothing()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky abc xyz").Contains("chưa đọc được")
            .Send("thôi").Contains("không đăng ký gì")
            .Send("xin chào").AssertReply(r => !r.Text.Contains("Họ và tên"), "no form: the second reading was used up");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task AQuestionAfterARefusalIsAnsweredAsAQuestion()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky abc xyz").Contains("chưa đọc được")
            .Send("hạn đăng ký là khi nào?").AssertReply(r => !r.Text.Contains("Họ và tên") && !r.Text.Contains("chưa đọc được"), "not the form");
    }

    [Fact]
    public async Task TheSecondReadingEndsAfterItsWindow()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("/dangky abc xyz").Contains("chưa đọc được")
            .Do(() =>
            {
                bot.Time.Advance(QuickRegistration.RetryWindow + TimeSpan.FromMinutes(1));
                return Task.CompletedTask;
            })
            .Send("hihi").AssertReply(r => !r.Text.Contains("vẫn chưa đọc được") && !r.Text.Contains("Họ và tên"), "no second reading");
    }
}
