using Bot.Storage;

namespace Bot.Tests.Storage;

public sealed class HighestMarksTests
{
    [Fact]
    public void AnIdAboveTheChatsHighestMarkIsNewAndTheStoreIsReadOncePerChat()
    {
        var marks = new HighestMarks();
        var loads = 0;
        long? Load(string prefix) { loads++; return prefix == "telegram:1:" ? 10 : null; }

        Assert.True(marks.IsCertainlyNew("telegram:1:11", Load));
        Assert.False(marks.IsCertainlyNew("telegram:1:10", Load));
        Assert.False(marks.IsCertainlyNew("telegram:1:3", Load));
        Assert.True(marks.IsCertainlyNew("telegram:2:1", Load));
        Assert.Equal(2, loads);
    }

    [Fact]
    public void AMarkRaisesTheHighestSoARedeliveryIsLeftToTheStore()
    {
        var marks = new HighestMarks();
        Assert.True(marks.IsCertainlyNew("telegram:1:5", _ => null));
        marks.Marked("telegram:1:5");
        Assert.False(marks.IsCertainlyNew("telegram:1:5", _ => throw new InvalidOperationException("loaded twice")));
        Assert.True(marks.IsCertainlyNew("telegram:1:6", _ => throw new InvalidOperationException("loaded twice")));
    }

    [Fact]
    public void AMarkCommittedWhileTheChatIsReadIsNotLost()
    {
        var marks = new HighestMarks();
        // The store was read before the mark of 7 committed; the commit lands before the read's result is kept.
        Assert.False(marks.IsCertainlyNew("telegram:1:7", _ => { marks.Marked("telegram:1:7"); return 3; }));
        Assert.True(marks.IsCertainlyNew("telegram:1:8", _ => null));
    }

    [Fact]
    public void AReadThatAResetOvertookTellsNothing()
    {
        var marks = new HighestMarks(capacity: 1);
        // Filling the table past its capacity while chat 1 is read drops everything, including what was marked for it.
        Assert.False(marks.IsCertainlyNew("telegram:1:9", _ => { marks.Marked("telegram:1:9"); marks.Marked("telegram:2:1"); return null; }));
        Assert.False(marks.IsCertainlyNew("telegram:1:9", _ => 9));
    }

    [Theory]
    [InlineData("zalo:abc:9f3e2a")]
    [InlineData("telegram:1:cb123:45")]
    [InlineData("telegram:1:u77")]
    [InlineData("local:x:1712-3")]
    [InlineData("nochat")]
    public void KeysThatAreNotAChatAndANumberAreLeftToTheStore(string key) =>
        Assert.False(new HighestMarks().IsCertainlyNew(key, _ => throw new InvalidOperationException("not a chat")));
}
