using System.Text.Json;
using Bot.Storage;
using Bot.Tests.Fakes;
using Bot.Tests.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Tests.Channels.Telegram;

/// <summary>An update Telegram was told we received is stored first, so a crash before its turn does not lose it.</summary>
public sealed class TelegramDurableIntakeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bot-intake-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AnUpdateStoredBeforeACrashIsAnsweredAfterTheRestartAndThenForgotten()
    {
        // The state kill -9 leaves after the webhook said 200 (or polling confirmed the offset) but before the turn ran.
        using (var db = new TestDatabase(_path, new StoreCollection(LiteDbReceivedUpdates.Collection)))
        {
            var update = new Update
            {
                Id = 77,
                Message = new Message
                {
                    Id = 5, Date = TestBot.DefaultNow.UtcDateTime, Text = "/dot",
                    Chat = new Chat { Id = 1001, Type = ChatType.Private, FirstName = "An" },
                    From = new User { Id = 1001, FirstName = "An" },
                    Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = 4 }],
                },
            };
            await new LiteDbReceivedUpdates(db.Database, db.Writer, TimeProvider.System).AddAsync("telegram", [JsonSerializer.Serialize(update, JsonBotAPI.Options)]);
        }

        // The member's chat exists before the bot starts: the stored /dot is answered during the start, and the fake
        // refuses a message to a chat it does not know yet ("chat not found").
        FakeChat? chat = null;
        await using var host = await TelegramTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Path"] = _path },
            arrange: api => chat = api.PrivateChat(new FakeUser(1001, "An")));
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat!, 0, "the answer to the stored /dot")).Text);
        await host.Api.WaitForAsync(_ => host.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("telegram").GetAwaiter().GetResult().Count == 0 ? "" : null, "the stored update to be forgotten");
    }

    [Fact]
    public async Task WhatTheWebhookAcknowledgesIsOnDiskBeforeTheAnswer200()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true, settings: new Dictionary<string, string?> { ["Storage:Path"] = _path });
        var received = host.Services.GetRequiredService<IReceivedUpdates>();
        var stored = await host.Services.GetRequiredService<Bot.Channels.Telegram.TelegramInbox>()
            .StoreAsync([new Update { Id = 9, Message = new Message { Id = 1, Text = "hi", Chat = new Chat { Id = 5, Type = ChatType.Private }, From = new User { Id = 5, FirstName = "An" } } }], default);
        var pending = await received.PendingAsync("telegram");
        if (pending.Count == 0)
        {
            // The inbox may already have run its turn: then the update left the store in the same commit that wrote the
            // turn's processed mark, which is on disk instead.
            Assert.True(await host.Services.GetRequiredService<IActivityDeduplicator>().WasProcessedAsync("telegram:5:1"), "neither pending nor processed");
            return;
        }
        Assert.Equal(stored[0], Assert.Single(pending).Id);
        Assert.Contains("\"update_id\":9", pending[0].Payload);
    }

    public void Dispose()
    {
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(_path) + "*")) File.Delete(f);
    }
}
