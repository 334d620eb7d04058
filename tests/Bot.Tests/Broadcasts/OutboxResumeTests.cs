using Bot.Broadcasts.Outbox;
using Bot.Builder.Testing;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class OutboxResumeTests
{
    private const int Members = 30;
    private const string Text = "Họp công đoàn lúc 14:00";

    [Fact]
    public async Task ABroadcastCutOffByShutdownResumesInANewHostWithNobodySkippedAndAtMostOneDuplicate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bot-outbox-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            List<SentReply> firstRun;
            await using (var first = await StartAsync(settings))
            {
                first.Seed(members: Members);
                // The 10th message is delivered, then the host goes down before the sender hears back: the worst moment.
                var held = new TaskCompletionSource();
                var delivered = 0;
                first.Channel().AfterDelivered = async (to, reply, ct) =>
                {
                    if (!reply.Text.Contains(Text) || Interlocked.Increment(ref delivered) < 10) return;
                    held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                };
                var broadcast = await first.BroadcastAsync(Text);
                Assert.Equal(1, broadcast.Id);
                await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
                firstRun = [.. first.Connector.All.Where(r => r.Text.Contains(Text))];
            }
            Assert.Equal(10, firstRun.Count);

            await using var second = await StartAsync(settings);
            await UntilAsync(() => second.Finished(1), "the resumed broadcast to finish");
            var secondRun = second.Connector.All.Where(r => r.Text.Contains(Text)).ToList();

            var perMember = firstRun.Concat(secondRun).GroupBy(r => r.To.ChatId).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Members, perMember.Count);                        // nobody skipped
            Assert.True(perMember.Values.Sum() - Members <= 1, $"{perMember.Values.Sum() - Members} duplicates");
            Assert.All(await second.Store().RowsOfAsync(1), r => Assert.Equal(RecipientState.Sent, r.State));
            await UntilAsync(() => second.Connector.To(Officer).Any(r => r.Text.Contains($"Đã gửi xong #1: {Members}/{Members}")), "the final report");
            Assert.Contains(second.Connector.To(Officer), r => r.Text.Contains("Tiếp tục gửi #1 sau khi trợ lý khởi động lại"));
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(path) + "*")) File.Delete(f);
        }
    }

    [Fact]
    public async Task EveryRowIsWrittenBeforeTheFirstMessageGoesOut()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 5);
        int? pendingAtFirstSend = null;
        var store = bot.Store();
        bot.Channel().AfterDelivered = async (to, reply, _) =>
        {
            if (reply.Text.Contains(Text)) pendingAtFirstSend ??= (await store.PendingAsync(1, null, 100)).Count;
        };
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        Assert.Equal(5, pendingAtFirstSend); // the one on the wire is still pending until the channel confirms
        Assert.Equal(5, (await store.RowsOfAsync(1)).Count(r => r.State == RecipientState.Sent && r.MessageId is not null));
    }
}
