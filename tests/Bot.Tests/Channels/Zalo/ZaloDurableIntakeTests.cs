using System.Text.Json;
using Bot.Channels.Zalo.Api;
using Bot.Storage;
using Bot.Tests.Channels.Zalo.Fakes;
using Bot.Tests.Storage;

namespace Bot.Tests.Channels.Zalo;

/// <summary>A Zalo event the bot acknowledged (or took from getUpdates) is stored first: a crash before its turn does not lose it.</summary>
public sealed class ZaloDurableIntakeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bot-zalo-intake-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AnEventStoredBeforeACrashIsAnsweredAfterTheRestartAndThenForgotten()
    {
        using (var db = new TestDatabase(_path, new StoreCollection(LiteDbReceivedUpdates.Collection)))
        {
            var update = new ZaloUpdate(ZaloUpdate.Text, new ZaloMessage { MessageId = "m-77", ChatId = "u1", FromId = "u1", FromName = "An", Text = "/dot", Date = TestBot.DefaultNow });
            await new LiteDbReceivedUpdates(db.Database, db.Writer, TimeProvider.System).AddAsync("zalo", [JsonSerializer.Serialize(update)]);
        }

        await using var zalo = await ZaloBot.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Path"] = _path });
        await ZaloBot.Eventually(() => zalo.Api.SentTo("u1").Any(t => t.Contains("Hôm nay")), "the answer to the stored /dot", zalo.Time);
        await ZaloBot.Eventually(() => zalo.Bot.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("zalo").GetAwaiter().GetResult().Count == 0, "the stored event to be forgotten", zalo.Time);
    }

    public void Dispose()
    {
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(_path) + "*")) File.Delete(f);
    }
}
