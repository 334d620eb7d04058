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

    [Fact]
    public async Task AStateDocumentStoredByEarlierVersionsReadsTheSameValues()
    {
        // As the JsonNode-based state wrote it (System.Text.Json web defaults), a dialog stack with its step state.
        const string stored = """{"draft":{"name":"An","step":3},"dialogs":{"stack":[{"id":"PledgeForm","version":2,"state":{"index":4,"values":{"unit":"Tổ 1"}},"startedAt":"2026-12-01T02:00:00+00:00","updatedAt":"2026-12-01T02:05:00+00:00"}]},"lang":"en"}""";
        var store = new MemoryStateStore();
        await store.WriteAsync("member/1", stored, 0);

        var state = new TurnState(store, _ => "member/1");
        var stack = await state.GetAsync<Bot.Builder.Dialogs.DialogState>(StateScope.Member, "dialogs");

        Assert.Equal(new Draft("An", 3), await state.GetAsync<Draft>(StateScope.Member, "draft"));
        Assert.Equal("en", await state.GetAsync<string>(StateScope.Member, "lang"));
        var form = Assert.Single(stack!.Stack);
        Assert.Equal(("PledgeForm", 2, 4, "Tổ 1"), (form.Id, form.Version, form.State!.Value.GetProperty("index").GetInt32(),
            form.State.Value.GetProperty("values").GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task WhatIsSavedIsPlainJsonTextInTheOrderTheValuesWereFirstSet()
    {
        var store = new MemoryStateStore();
        var state = new TurnState(store, _ => "member/1");
        await state.SetAsync(StateScope.Member, "draft", new Draft("An", 1));
        await state.SetAsync(StateScope.Member, "lang", "vi");
        await state.SetAsync(StateScope.Member, "draft", new Draft("An", 2));
        await state.SetAsync(StateScope.Member, "gone", 1);
        await state.RemoveAsync(StateScope.Member, "gone");
        await state.SaveChangesAsync();

        Assert.Equal("""{"draft":{"name":"An","step":2},"lang":"vi"}""", (await store.ReadAsync("member/1"))!.Json);
    }

    [Fact]
    public async Task AValueChangedInTheTurnIsReadBackChangedBeforeItIsSaved()
    {
        var state = new TurnState(new MemoryStateStore(), _ => "member/1");
        await state.SetAsync(StateScope.Member, "draft", new Draft("An", 1));
        await state.SetAsync(StateScope.Member, "draft", new Draft("Bình", 2));
        Assert.Equal(new Draft("Bình", 2), await state.GetAsync<Draft>(StateScope.Member, "draft"));
        await state.ClearAsync(StateScope.Member);
        Assert.Null(await state.GetAsync<Draft>(StateScope.Member, "draft"));
    }
}
