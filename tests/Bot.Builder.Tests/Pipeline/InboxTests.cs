using Bot.Builder.Activities;
using Bot.Builder.Pipeline;
using Bot.Builder.Tests.Dialogs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Builder.Tests.Pipeline;

public class InboxTests
{
    private static Activity Message(string text, string chat = "c1") =>
        new() { Channel = "test", ChatId = chat, UserId = chat, Text = text, MessageId = text };

    [Fact]
    public async Task HandingOverReturnsBeforeTheTurnEndsAndIdleIsReportedWhenEveryTurnIsDone()
    {
        var engine = new EngineHarness();
        var release = new TaskCompletionSource();
        var seen = new List<string>();
        engine.OnMessage = async turn =>
        {
            lock (seen) seen.Add(turn.Activity.Text!);
            if (turn.Activity.Text == "m0") await release.Task;
            await turn.SendAsync($"got {turn.Activity.Text}");
        };
        var inbox = new Inbox(engine.Pipeline, [], [], engine.Time, NullLogger<Inbox>.Instance);

        for (var i = 0; i < 5; i++) await inbox.HandOverAsync(Message($"m{i}"), CancellationToken.None);
        await inbox.HandOverAsync(Message("other", chat: "c2"), CancellationToken.None);

        Assert.False(inbox.IsIdle);
        var idle = inbox.WhenIdleAsync();
        Assert.False(idle.IsCompleted);
        release.SetResult();
        await idle.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(inbox.IsIdle);
        Assert.Equal(6, inbox.Handled("test"));
        Assert.Equal(["got m0", "got m1", "got m2", "got m3", "got m4"], engine.Connector.All.Where(r => r.To.ChatId == "c1").Select(r => r.Text));
        Assert.True(inbox.WhenIdleAsync().IsCompleted);
    }

    [Fact]
    public async Task ObserversAreToldWhenEachTurnEndsWithHowLongItTookAndWhetherItFailed()
    {
        var engine = new EngineHarness();
        var release = new TaskCompletionSource();
        engine.OnMessage = async turn =>
        {
            if (turn.Activity.Text == "slow") await release.Task;
            await turn.SendAsync($"got {turn.Activity.Text}");
        };
        var observer = new RecordingObserver();
        var inbox = new Inbox(engine.Pipeline, [], [observer], engine.Time, NullLogger<Inbox>.Instance);

        await inbox.HandOverAsync(Message("slow"), CancellationToken.None);
        engine.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(observer.Ended);
        release.SetResult();
        await inbox.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var (activity, elapsed, failed) = Assert.Single(observer.Ended);
        Assert.Equal("slow", activity.Text);
        Assert.Equal(TimeSpan.FromSeconds(3), elapsed);
        Assert.False(failed);
    }

    private sealed class RecordingObserver : ITurnObserver
    {
        public List<(Activity, TimeSpan, bool)> Ended { get; } = [];

        public void TurnEnded(Activity activity, TimeSpan elapsed, bool failed)
        {
            lock (Ended) Ended.Add((activity, elapsed, failed));
        }
    }

    [Fact]
    public async Task ASlowTurnShowsTypingWhereTheChannelCanUntilItEnds()
    {
        var engine = new EngineHarness();
        var release = new TaskCompletionSource();
        engine.OnMessage = async turn =>
        {
            await release.Task;
            await turn.SendAsync("done");
        };
        var typing = new Typing();
        var inbox = new Inbox(engine.Pipeline, [typing], [], engine.Time, NullLogger<Inbox>.Instance);
        await inbox.HandOverAsync(Message("slow"), CancellationToken.None);

        engine.Time.Advance(typing.After);
        await typing.FirstShown.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        await inbox.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var shown = typing.Shown;
        engine.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(shown, typing.Shown);
        Assert.Equal("done", engine.Connector.All.Single().Text);
    }

    [Fact]
    public async Task StoppingWaitsForRunningTurnsUntilTheStopTimeoutEnds()
    {
        var engine = new EngineHarness();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        engine.OnMessage = async turn =>
        {
            started.TrySetResult();
            await release.Task;
            await turn.SendAsync("finished");
        };
        var inbox = new Inbox(engine.Pipeline, [], [], engine.Time, NullLogger<Inbox>.Instance);
        await inbox.HandOverAsync(Message("first"), CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stop = inbox.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("finished", engine.Connector.All.Single().Text);

        // A turn still running when the host's stop timeout ends no longer holds the stop up.
        var stuck = new TaskCompletionSource();
        engine.OnMessage = _ => stuck.Task;
        await inbox.HandOverAsync(Message("second"), CancellationToken.None);
        await inbox.StopAsync(new CancellationToken(canceled: true)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(inbox.IsIdle);
    }

    private sealed class Typing : ITypingIndicator
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _shown;
        public Task FirstShown => _first.Task;
        public int Shown => Volatile.Read(ref _shown);
        public string Channel => "test";
        public TimeSpan After => TimeSpan.FromSeconds(1);
        public TimeSpan Repeat => TimeSpan.FromSeconds(5);

        public Task ShowAsync(Activity activity, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _shown);
            _first.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
