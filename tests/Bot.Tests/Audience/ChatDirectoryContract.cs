using Bot.Audience;
using Bot.Storage;
using Bot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Audience;

/// <summary>What broadcasts and channels rely on from the chat directory; every implementation runs this suite.</summary>
public abstract class ChatDirectoryContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    protected abstract IChatDirectory Chats { get; }

    protected static Activity Message(string chatId, ChatKind kind = ChatKind.Private, string user = "u1", string name = "Nguyễn Văn An") =>
        new() { Channel = "test", ChatId = chatId, ChatKind = kind, UserId = user, UserName = name, Text = "hi" };

    [Fact]
    public async Task AChatThatWritesIsKnownAndReachableWithItsMembersName()
    {
        await Chats.SeenAsync(Message("u1") with { Language = "en-US" });
        var chat = await Chats.FindAsync("test", "u1");
        Assert.Equal((ChatKind.Private, "Nguyễn Văn An", "en", true), (chat!.Kind, chat.Title, chat.Language, chat.Active));
        Assert.Contains(await Chats.ReachableAsync(), c => c.Id == "test:u1");
        Assert.Null(await Chats.FindAsync("test", "U1"));
    }

    [Fact]
    public async Task AGroupTheBotLeftIsKeptButNotReachableUntilItWritesAgain()
    {
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        await Chats.SeenAsync(Message("g1", ChatKind.Group) with { Kind = ActivityKind.BotRemoved });
        Assert.False((await Chats.FindAsync("test", "g1"))!.Active);
        Assert.Empty(await Chats.ReachableAsync());
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        Assert.Single(await Chats.ReachableAsync());
    }

    [Fact]
    public async Task AnUnreachableMemberIsLeftOutUntilTheyWriteAgain()
    {
        await Chats.SeenAsync(Message("u1"));
        await Chats.MarkUnreachableAsync("test", "u1", "Forbidden: bot was blocked by the user");
        Assert.Equal("Forbidden: bot was blocked by the user", (await Chats.FindAsync("test", "u1"))!.UnreachableReason);
        Assert.Empty(await Chats.ReachableAsync());
        await Chats.SeenAsync(Message("u1"));
        Assert.Null((await Chats.FindAsync("test", "u1"))!.UnreachableReason);
        await Chats.MarkUnreachableAsync("test", "nobody", "gone"); // unknown chats are ignored
        Assert.Single(await Chats.AllAsync());
    }

    [Fact]
    public async Task AMigratedGroupKeepsItsRecordUnderTheNewId()
    {
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        await Chats.MigrateAsync("test", "g1", "g1-super");
        Assert.Null(await Chats.FindAsync("test", "g1"));
        var moved = await Chats.FindAsync("test", "g1-super");
        Assert.Equal(("g1-super", ChatKind.Group), (moved!.ChatId, moved.Kind));
    }

    [Fact]
    public async Task AForgottenChatIsGoneAndOthersStay()
    {
        await Chats.SeenAsync(Message("u1"));
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        Assert.True(await Chats.ForgetAsync("test", "u1"));
        Assert.False(await Chats.ForgetAsync("test", "u1"));
        Assert.Equal(["test:g1"], (await Chats.AllAsync()).Select(c => c.Id));
    }

    [Fact]
    public async Task LastSeenMovesOnWhenTheChatWritesLater()
    {
        await Chats.SeenAsync(Message("u1"));
        var first = (await Chats.FindAsync("test", "u1"))!.LastSeen;
        Time.Advance(TimeSpan.FromDays(1));
        await Chats.SeenAsync(Message("u1"));
        Assert.Equal(first.AddDays(1), (await Chats.FindAsync("test", "u1"))!.LastSeen);
    }
}

public sealed class LiteDbChatDirectoryTests : ChatDirectoryContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbChatDirectory.Collection));

    public LiteDbChatDirectoryTests() => Chats = new LiteDbChatDirectory(_db.Database, _db.Writer, Time);

    protected override IChatDirectory Chats { get; }

    [Fact]
    public async Task AChatThatRepeatsWhatIsKnownWritesNothingWithinTheHour()
    {
        await Chats.SeenAsync(Message("u1"));
        var units = _db.Writer.Units;
        Time.Advance(TimeSpan.FromMinutes(30));
        await Chats.SeenAsync(Message("u1"));
        Assert.Equal(units, _db.Writer.Units);
        await Chats.SeenAsync(Message("u1", name: "An Nguyễn"));
        Assert.Equal(units + 1, _db.Writer.Units);
    }

    [Fact]
    public async Task AKnownChatsTurnIsAnsweredFromMemoryWithoutReadingTheDatabase()
    {
        await Chats.SeenAsync(Message("u1"));
        // Removed behind the directory's back: only a lookup in the database would notice and write the chat again.
        _db.Database.GetCollection(LiteDbChatDirectory.Collection).Delete("test:u1");
        var units = _db.Writer.Units;

        await Chats.SeenAsync(Message("u1"));

        Assert.Equal(units, _db.Writer.Units);
    }

    [Fact]
    public async Task AChatChangedAfterItWasReadIsReadAgainAtItsNextTurn()
    {
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        await Chats.MigrateAsync("test", "g1", "g2");
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        Assert.NotNull(await Chats.FindAsync("test", "g1"));

        await Chats.ForgetAsync("test", "g1");
        await Chats.SeenAsync(Message("g1", ChatKind.Group));
        Assert.NotNull(await Chats.FindAsync("test", "g1"));
    }

    public void Dispose() => _db.Dispose();
}
