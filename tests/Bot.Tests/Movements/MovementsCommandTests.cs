using Bot.Content;

namespace Bot.Tests.Movements;

public class MovementsCommandTests
{
    [Fact]
    public async Task MovementsAreExplainedOnePerParagraphWithTheirSource()
    {
        await using var bot = await TestBot.StartAsync();
        var plan = bot.Services.GetRequiredService<BotContent>().DefaultPlan;
        await bot.Flow().Send("/phongtrao").AssertReplies(replies =>
        {
            var text = string.Concat(replies.Select(r => r.Text));
            return plan.Movements.All(m => text.Contains(m.Name.Vi)) && text.Contains(plan.Document.Vi) && text.Contains("đã kết thúc")
                && replies.All(r => r.Text.Length <= 4096) && replies[^1].Reply.Choices.Count > 0;
        }, "every movement of the default plan, its source and its status, split under the length limit");
    }

    [Fact]
    public async Task AnotherPlanCanBePickedByTheOfferedChoice()
    {
        await using var bot = await TestBot.StartAsync(capabilities: new ChannelCapabilities { Buttons = false });
        await bot.Flow().Send("/movements")
            .AssertReplies(r => r[^1].Text.Contains("1. Phát động phong trào thi đua yêu nước"), "numbered plan choices at the end")
            .Send("2").AssertReplies(r => r[0].Text.Contains("Quảng Trị"), "the second plan");
    }

    [Fact]
    public async Task AnUnknownPlanNameListsThePlansThatExist()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/phongtrao hà nội 2030").AssertReply(r => r.Text.Contains("hà nội 2030") && r.Reply.Choices.Count >= 3, "the known plans");
    }

    [Fact]
    public async Task EnglishSpeakersGetEnglishText()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(language: "en").Send("/movements").AssertReplies(r => r[0].Text.Contains("Theme:") && r[0].Text.Contains("Good work, Creative work"), "English");
    }
}
