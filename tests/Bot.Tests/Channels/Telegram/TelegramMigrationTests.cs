using Bot.Audience;
using Bot.Builder.State;
using Bot.Tests.Fakes;

namespace Bot.Tests.Channels.Telegram;

public class TelegramMigrationTests
{
    private static readonly FakeUser An = new(1001, "An");
    private const long OldId = -4201;
    private const long NewId = -1_001_234_567_890;

    [Fact]
    public async Task AGroupUpgradedToASupergroupKeepsItsRecordAndStateUnderTheNewId()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chats = host.Services.GetRequiredService<IChatDirectory>();
        var store = host.Services.GetRequiredService<IStateStore>();
        var group = host.Api.Group(OldId, "Tổ công đoàn Kho vận");
        host.Api.AddBotToGroup(An, group);
        await host.Api.NextBotMessageAsync(group, 0); // the welcome with a menu: An's pending choices are member state
        await host.Api.WaitForAsync(_ => store.ReadAsync($"telegram/chat/{OldId}/member/1001").Result, "An's state saved");

        var super = host.Api.UpgradeToSupergroup(group, NewId);

        await host.Api.WaitForAsync(_ => chats.Find("telegram", NewId.ToString()) is not null, "the directory following the upgrade");
        Assert.Null(chats.Find("telegram", OldId.ToString()));
        Assert.Equal(ChatKind.Group, chats.Find("telegram", NewId.ToString())!.Kind);
        // The directory moves first, the state documents right after, each written under the new id before the old
        // one is deleted: wait until both halves of the move are done.
        await host.Api.WaitForAsync(_ => store.ReadAsync($"telegram/chat/{NewId}/member/1001").Result is not null
            && store.ReadAsync($"telegram/chat/{OldId}/member/1001").Result is null, "An's state under the new id only");
        Assert.Null(await store.ReadAsync($"telegram/chat/{OldId}/member/1001"));
        Assert.NotNull(await store.ReadAsync($"telegram/chat/{NewId}/member/1001"));

        host.Api.Say(An, super, "/dot@UnionTestBot");
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(super, 0, "an answer in the supergroup")).Text);
    }

    [Fact]
    public async Task ASendRefusedWithMigrateToChatIdIsResentToTheNewGroupAndTheDataFollows()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chats = host.Services.GetRequiredService<IChatDirectory>();
        var group = host.Api.Group(OldId, "Tổ công đoàn Kho vận");
        host.Api.AddBotToGroup(An, group);
        await host.Api.NextBotMessageAsync(group, 0);

        // The upgrade happened, but the bot has not heard; a command written just before reaches it from the old id.
        var super = host.Api.UpgradeToSupergroup(group, NewId, announce: false);
        host.Api.Say(An, group, "/dot@UnionTestBot");

        var reply = await host.Api.NextBotMessageAsync(super, 0, "the answer re-sent to the supergroup");
        Assert.Contains("Hôm nay", reply.Text);
        Assert.Contains(host.Api.Calls, c => c is { Method: "sendMessage", Status: 400 });
        await host.Api.WaitForAsync(_ => chats.Find("telegram", NewId.ToString()) is not null, "the directory following the upgrade");
        Assert.Null(chats.Find("telegram", OldId.ToString()));
    }
}
