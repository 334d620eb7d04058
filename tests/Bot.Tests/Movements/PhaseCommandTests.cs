namespace Bot.Tests.Movements;

public class PhaseCommandTests
{
    [Fact]
    public async Task AfterEveryPlanEndedTheBotSaysSoHonestlyAndNamesTheMostRecentPlan()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dot")
            .AssertReply(r => r.Text.Contains("24/11/2026") && r.Text.Contains("không có đợt thi đua nào") && r.Text.Contains("31/12/2025"), "an honest 'no phase' answer");
    }
}
