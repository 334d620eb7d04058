using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastAccessTests;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class RepliesDuringBroadcastTests
{
    [Fact]
    public async Task AMemberIsAnsweredAheadOfALongBroadcastThatIsStillSending()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(Paced(5), time);
        bot.Seed(members: 40);
        await bot.BroadcastAsync("Họp công đoàn lúc 14:00");
        await UntilAsync(async () => await bot.Pending(1) <= 35, "the broadcast to be under way", time, TimeSpan.FromMilliseconds(100));

        // The clock moves on (2 ms of it for every real millisecond): the replies go ahead of the broadcast's queue,
        // waiting at most for a slot or two of the channel's budget, not behind the 35 messages still to send.
        await using (Ticking(time, TimeSpan.FromMilliseconds(4)))
            await bot.Flow("asker").Send("/dot").AssertReply("Hôm nay").Send("/phongtrao").AssertReplies(r => r.Count >= 1, "the movements");
        var pending = await bot.Pending(1);
        Assert.True(pending >= 20, $"{pending} still pending");

        await UntilAsync(() => bot.Finished(1), "the broadcast to finish", time, TimeSpan.FromMilliseconds(100));
        Assert.All(Enumerable.Range(1, 40), i => Assert.Single(bot.Connector.To($"m{i}")));
    }
}
