using Bot.Audience;

namespace Bot.Tests.Audience;

public sealed class SeenChatsTests
{
    private static KnownChat Chat(string title) => new() { Id = "test:u1", Title = title };

    [Fact]
    public void AStoredChatIsReadOnceAndThenServedFromMemory()
    {
        var seen = new SeenChats();
        var loads = 0;
        seen.Get("test:u1", _ => { loads++; return Chat("An"); });
        var again = seen.Get("test:u1", _ => { loads++; return Chat("An"); });
        Assert.Equal((1, "An"), (loads, again!.Title));
    }

    [Fact]
    public void AChatWrittenAfterItWasReadIsReadAgain()
    {
        var seen = new SeenChats();
        seen.Get("test:u1", _ => Chat("An"));
        seen.Drop("test:u1");
        Assert.Equal("Bình", seen.Get("test:u1", _ => Chat("Bình"))!.Title);
    }

    [Fact]
    public void AReadThatAWriteOvertookIsNotKept()
    {
        var seen = new SeenChats();
        // The write commits while the lookup is still reading the older record from the database.
        seen.Get("test:u1", key => { seen.Drop(key); return Chat("old"); });
        Assert.Equal("new", seen.Get("test:u1", _ => Chat("new"))!.Title);
    }

    [Fact]
    public void WhatAWriteStoredIsServedWithoutReading()
    {
        var seen = new SeenChats();
        seen.Drop("test:u1", Chat("An"));
        Assert.Equal("An", seen.Get("test:u1", _ => throw new InvalidOperationException("read"))!.Title);
    }

    [Fact]
    public void AnUnknownChatIsNotRemembered()
    {
        var seen = new SeenChats();
        seen.Get("test:u1", _ => null);
        Assert.Equal("An", seen.Get("test:u1", _ => Chat("An"))!.Title);
    }
}
