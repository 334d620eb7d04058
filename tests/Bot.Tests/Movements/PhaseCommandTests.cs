using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Movements;

public class PhaseCommandTests
{
    private static FakeTimeProvider At(int y, int m, int d, int h = 9, int min = 0) => new(new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task AfterEveryPlanEndedTheBotSaysSoHonestlyAndNamesTheMostRecentPlan()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dot")
            .AssertReply(r => r.Text.Contains("24/11/2026") && r.Text.Contains("không có đợt thi đua nào") && r.Text.Contains("31/12/2025")
                && r.Text.Contains("dialogs/plans"), "an honest 'no phase' answer that tells how a new plan is loaded");
    }

    [Fact]
    public async Task OnTheLastDayOfPhaseOneItIsStillPhaseOne()
    {
        await using var bot = await TestBot.StartAsync(time: At(2021, 6, 30, 23, 59));
        await bot.Flow().Send("/dot")
            .AssertReply(r => r.Text.Contains("Đợt 1") && r.Text.Contains("30/06/2021") && !r.Text.Contains("Đợt 2"), "phase 1 on 30/6");
    }

    [Fact]
    public async Task AtMidnightOfTheFirstOfJulyInVietnamPhaseTwoBegins()
    {
        // 2021-06-30 17:00 UTC is already 1 July 00:00 in Asia/Ho_Chi_Minh.
        await using var bot = await TestBot.StartAsync(time: new FakeTimeProvider(new DateTimeOffset(2021, 6, 30, 17, 0, 0, TimeSpan.Zero)));
        await bot.Flow().Send("/dot").AssertReply(r => r.Text.Contains("Đợt 2") && r.Text.Contains("01/07/2021"), "phase 2 from 1/7 local time");
    }

    [Fact]
    public async Task TheClockMovingAcrossTheBoundaryChangesTheAnswer()
    {
        var time = At(2021, 6, 30, 23, 30);
        await using var bot = await TestBot.StartAsync(time: time);
        var flow = bot.Flow();
        await flow.Send("/dot").AssertReply(r => r.Text.Contains("Đợt 1"), "phase 1");
        time.Advance(TimeSpan.FromHours(1));
        await flow.Send("/dot").AssertReply(r => r.Text.Contains("Đợt 2"), "phase 2 an hour later");
    }

    [Fact]
    public async Task BeforeTheFirstPhaseTheBotNamesTheNextOne()
    {
        await using var bot = await TestBot.StartAsync(time: At(2020, 12, 31));
        await bot.Flow().Send("/dot")
            .AssertReply(r => r.Text.Contains("Đợt tiếp theo") && r.Text.Contains("01/01/2021"), "the next phase");
    }

    [Fact]
    public async Task WhatMembersMustDoIsPartOfTheAnswer()
    {
        await using var bot = await TestBot.StartAsync(time: At(2021, 3, 1));
        var plan = bot.Services.GetRequiredService<Bot.Content.BotContent>().FindPlan("tld-2021")!;
        await bot.Flow().Send("/phase").AssertReply(r => r.Text.Contains(plan.Phases[0].MemberTasks.Vi[..30]), "the member tasks of phase 1");
    }
}
