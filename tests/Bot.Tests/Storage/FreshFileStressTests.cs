using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>
/// Many first messages at once on a fresh database file: the burst that used to close LiteDB's engine (a read racing
/// the creation of a collection, concurrent transactions) is answered in full and the storage stays healthy.
/// </summary>
public class FreshFileStressTests
{
    [Fact]
    public async Task SixtyMembersWritingAtOnceOnAFreshFileAreAllAnsweredAndStored()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bot-stress-{Guid.NewGuid():N}.db");
        try
        {
            await using (var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Storage:Path"] = path }))
            {
                var members = Enumerable.Range(1, 60).Select(i => bot.Flow($"m{i}")).ToList();
                await Task.WhenAll(members.Select(async m => await m.Send("/start").AssertReply(r => r.Text.Length > 0, "a greeting").Send("/dot").AssertReply("Hôm nay")));
                var writer = bot.Services.GetRequiredService<StorageWriter>();
                Assert.Null(writer.Fault);
                Assert.True(writer.Transactions < writer.Units, $"{writer.Transactions} transactions for {writer.Units} units: nothing was grouped");
                Assert.Equal(60, (await bot.Services.GetRequiredService<Bot.Audience.IChatDirectory>().AllAsync()).Count(c => c.ChatId.StartsWith('m')));
            }
            // The file opens cleanly again.
            DatabaseFileCheck.ThrowIfDamaged(path);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(path) + "*")) File.Delete(f);
        }
    }
}
