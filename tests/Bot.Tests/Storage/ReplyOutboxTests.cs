using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>A committed turn's replies are stored with it, so a crash before they go out does not lose the answer.</summary>
public sealed class ReplyOutboxTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bot-replies-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task RepliesHeldByATurnThatDiedBeforeSendingGoOutAtTheNextStartOnce()
    {
        using (var db = new TestDatabase(_path, new StoreCollection(LiteDbReplyOutbox.Collection)))
        {
            var outbox = new LiteDbReplyOutbox(db.Database, db.Writer, TimeProvider.System);
            await outbox.HoldAsync("turn-1", [new PendingReply(new ConversationAddress("test", "m1", ChatKind.Private), new Reply { Text = "Đã ghi nhận đăng ký #7." })]);
        }
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Storage:Path"] = _path });
        await UntilAsync(() => bot.Connector.All.Any(r => r.To.ChatId == "m1" && r.Text == "Đã ghi nhận đăng ký #7."), "the held reply");
        await UntilAsync(() => bot.Services.GetRequiredService<IReplyOutbox>().PendingAsync().GetAwaiter().GetResult().Count == 0, "the reply to be released");
        Assert.Single(bot.Connector.All, r => r.To.ChatId == "m1");
    }

    [Fact]
    public async Task ATurnWhoseRepliesWentOutLeavesNothingHeld()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Storage:Path"] = _path });
        await bot.Flow().Send("/dot").AssertReply("Hôm nay");
        Assert.Empty(await bot.Services.GetRequiredService<IReplyOutbox>().PendingAsync());
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > 10_000) throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(_path) + "*")) File.Delete(f);
    }
}
