using Bot.Builder.Activities;
using Bot.Builder.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Builder.Tests.Testing;

public class TestFlowTests
{
    [Fact]
    public async Task ATurnThatNeverEndsFailsTheTestWithTheTranscriptInsteadOfHangingIt()
    {
        var neverEnds = new TaskCompletionSource();
        var flow = new TestFlow(_ => neverEnds.Task, new TestConnector(), new Activity { Channel = "test", ChatId = "c1", UserId = "u1" }, new FakeTimeProvider())
        {
            TurnLimit = TimeSpan.FromMilliseconds(50),
        };

        var failure = await Assert.ThrowsAsync<TestFlowException>(async () => await flow.Send("/huyguitin"));

        Assert.Contains("did not finish", failure.Message);
        Assert.Contains("user: /huyguitin", failure.Message);
    }
}
