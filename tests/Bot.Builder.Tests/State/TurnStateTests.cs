using Bot.Builder.State;

namespace Bot.Builder.Tests.State;

public class TurnStateTests
{
    private sealed record Draft(string Name, int Step);

    [Fact]
    public async Task SettingTheValueAlreadyStoredWritesNothingAndAChangedValueIsWrittenOnce()
    {
        var store = new MemoryStateStore();
        var first = new TurnState(store, _ => "member/1");
        await first.SetAsync(StateScope.Member, "draft", new Draft("An", 1));
        await first.SaveChangesAsync();
        var version = (await store.ReadAsync("member/1"))!.Version;

        var same = new TurnState(store, _ => "member/1");
        await same.SetAsync(StateScope.Member, "draft", new Draft("An", 1));
        await same.SaveChangesAsync();
        Assert.Equal(version, (await store.ReadAsync("member/1"))!.Version);

        var changed = new TurnState(store, _ => "member/1");
        await changed.SetAsync(StateScope.Member, "draft", new Draft("An", 2));
        await changed.SaveChangesAsync();
        Assert.Equal(version + 1, (await store.ReadAsync("member/1"))!.Version);
        Assert.Equal(2, (await new TurnState(store, _ => "member/1").GetAsync<Draft>(StateScope.Member, "draft"))!.Step);
    }
}
