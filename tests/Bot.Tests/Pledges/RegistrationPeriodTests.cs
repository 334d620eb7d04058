using Bot.Pledges;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Pledges;

public class RegistrationPeriodTests
{
    private static readonly DateTimeOffset InPlans2021 = new(2021, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task AfterEveryShippedPlanEndedRegisteringSaysClosedNamesTheLatestPlanAndWhomToAsk()
    {
        await using var bot = await TestBot.StartAsync(openRegistration: false);
        var flow = bot.Flow();
        await flow.Send("/dangky").Contains("chưa có kế hoạch thi đua nào đang nhận đăng ký", "Lai Châu", "đã đóng ngày 31/12/2025", "công đoàn cơ sở (CĐCS)");
        await flow.Send("/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT").Contains("chưa có kế hoạch thi đua nào đang nhận đăng ký");
        await flow.Send("đăng ký LĐTT").Contains("chưa có kế hoạch thi đua nào đang nhận đăng ký");
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/dangky LĐTT").Contains("nhận đăng ký");
        Assert.Empty(bot.Pledges().All());
    }

    [Fact]
    public async Task InEnglishTheClosedAnswerIsEnglish()
    {
        await using var bot = await TestBot.StartAsync(openRegistration: false);
        await bot.Flow().Send("/ngonngu en").Contains("English").Send("/pledge").Contains("No emulation plan is taking pledges", "closed on 31/12/2025", "grassroots union");
    }

    [Fact]
    public async Task WhilePlansRunRegistrationIsOpenWithoutAnyOfficerAction()
    {
        await using var bot = await TestBot.StartAsync(time: new FakeTimeProvider(InPlans2021), openRegistration: false);
        // Three plans run in March 2021, so the form asks which one first.
        await bot.Flow().Send("/dangky").Contains("theo kế hoạch nào");
    }

    [Fact]
    public async Task AnOfficerOpensRegistrationUntilADayAfterWhichItIsClosedAgain()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await TestBot.StartAsync(time: time, openRegistration: false);
        await bot.Flow("officer").Send("/mopdangky quang tri đến 30/11/2026").Contains("Đã mở đăng ký", "Quảng Trị", "đến hết ngày 30/11/2026");
        var member = bot.Flow();
        await member.Send("/dangky LĐTT").Contains("Họ và tên");
        await member.Send("huỷ").Drain(bot);

        time.Advance(TimeSpan.FromDays(7)); // 01/12/2026
        await member.Send("/dangky LĐTT").Contains("nhận đăng ký", "Quảng Trị", "đã đóng ngày 30/11/2026");
    }

    [Fact]
    public async Task AnOfficerClosesRegistrationAndMembersAreToldWhileExistingPledgesStay()
    {
        await using var bot = await TestBot.StartAsync();
        var member = bot.Flow();
        await member.RegisterLdtt();
        await bot.Flow("officer").Send("/dongdangky").Contains("Đã đóng đăng ký", "năm 2021", "/mopdangky");
        await member.Send("/dangky ĐVCĐXS").Contains("nhận đăng ký", "đã đóng ngày 24/11/2026");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("ldtt", PledgeStatus.Submitted), (pledge.TitleId, pledge.Status));
        // A pending pledge can still be corrected while the officers review it.
        await member.Send($"/cuatoi sua {pledge.Id}").Contains("Kiểm tra lại");
    }

    [Fact]
    public async Task RegistrationClosedBetweenTheSummaryAndTheConfirmationSavesNothing()
    {
        await using var bot = await TestBot.StartAsync();
        var member = bot.Flow();
        await member.UpToTitle().Send("LĐTT").Drain(bot).Send("bỏ qua").Drain(bot).Send("bỏ qua").Contains("Kiểm tra lại");
        await bot.Flow("officer").Send("/dongdangky tld-2021").Contains("Đã đóng");
        await member.Press("Xác nhận").Contains("nhận đăng ký");
        Assert.Empty(bot.Pledges().All());
    }

    [Theory]
    [InlineData("/mopdangky đến 01/01/2020", "đã qua")]
    [InlineData("/mopdangky đến 31/02/2027", "Cách dùng")]
    [InlineData("/mopdangky kế hoạch không có", "Cách dùng")]
    [InlineData("/dongdangky kế hoạch không có", "Cách dùng")]
    public async Task AWrongOpeningOrClosingIsExplainedAndChangesNothing(string command, string answer)
    {
        await using var bot = await TestBot.StartAsync(openRegistration: false);
        await bot.Flow("officer").Send(command).Contains(answer);
        await bot.Flow().Send("/dangky").Contains("nhận đăng ký");
    }

    [Theory]
    [InlineData("/mopdangky")]
    [InlineData("/dongdangky")]
    [InlineData("/openregistration")]
    public async Task OnlyOfficersOpenOrCloseRegistration(string command)
    {
        await using var bot = await TestBot.StartAsync(openRegistration: false);
        await bot.Flow().Send(command).Contains(TestBot.Text("core.officer-only"));
        await bot.Flow().Send("/dangky").Contains("nhận đăng ký");
    }

    [Fact]
    public async Task AnOpeningIsStoredAndHoldsAfterARestart()
    {
        var file = Path.Combine(Path.GetTempPath(), $"registration-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = file };
        try
        {
            await using (var first = await TestBot.StartAsync(settings, openRegistration: false))
                await first.Flow("officer").Send("/openregistration tld-2021").Contains("Đã mở");
            await using var second = await TestBot.StartAsync(settings, openRegistration: false);
            await second.Flow().Send("/dangky").Contains("Họ và tên");
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(file) + "*")) File.Delete(f);
        }
    }
}
