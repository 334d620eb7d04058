using Bot.Storage;
using LiteDB;

namespace Bot.Tests.Conversations;

/// <summary>A form step is on disk before the next question goes out, so a crash right then loses no answer.</summary>
public class SaveBeforeReplyTests
{
    [Fact]
    public async Task WhenTheNextQuestionIsSentTheLastAnswerIsAlreadyStored()
    {
        await using var bot = await TestBot.StartAsync();
        var db = bot.Services.GetRequiredService<LiteDatabase>();
        // State JSON escapes non-ASCII letters: look for the ASCII part of the answer.
        bool? storedWhenAsked = null;
        bot.Connector.OnSend = sent =>
        {
            if (sent.Text.Contains("Chức vụ", StringComparison.Ordinal))
                storedWhenAsked = db.GetCollection(LiteDbStateStore.Collection).FindAll().Any(d => d["Json"].AsString.Contains(" Mai", StringComparison.Ordinal));
        };
        await bot.Flow().Send("/dangky").AssertReply("Họ và tên").Send("Trần Thị Mai").AssertReply("Chức vụ");
        Assert.True(storedWhenAsked);
    }
}
