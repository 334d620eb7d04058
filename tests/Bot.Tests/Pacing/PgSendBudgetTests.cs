using Bot.Pacing;
using Bot.Tests.Storage.PostgreSql;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Pacing;

/// <summary>
/// Two instances send with one token: each paces itself, and together they stay within the token's limits because
/// every message reserves its slot in the budget they share in PostgreSQL.
/// </summary>
[Collection(nameof(SendPacerTests))]
public sealed class PgSendBudgetTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestBot.DefaultNow);
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TwoInstancesTogetherSendNoFasterThanTheTokensRate()
    {
        if (_db.Off) return;
        var (first, second) = (Pacer(), Pacer());
        var waits = Enumerable.Range(0, 30).SelectMany(i => new[]
        {
            first.WaitAsync(Private($"a{i}"), SendPriority.Broadcast, default).AsTask(),
            second.WaitAsync(Private($"b{i}"), SendPriority.Broadcast, default).AsTask(),
        }).ToList();

        var granted = await GrantTimesAsync(waits, TimeSpan.FromSeconds(8));

        Assert.Equal(60, granted.Count);
        // 20/s with a burst of 2 for the two together; each alone would send 21 in a second, 42 together.
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromSeconds(1)) <= 22, $"{MostInAnyWindow(granted, TimeSpan.FromSeconds(1))} in one second");
    }

    [Fact]
    public async Task RepliesFromTwoInstancesToOneChatKeepItsWindow()
    {
        if (_db.Off) return;
        var (first, second) = (Pacer(), Pacer());
        var waits = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            waits.Add(first.WaitAsync(Private("member"), SendPriority.Reply, default).AsTask());
            waits.Add(second.WaitAsync(Private("member"), SendPriority.Reply, default).AsTask());
        }

        var granted = await GrantTimesAsync(waits, TimeSpan.FromSeconds(8));

        Assert.Equal(6, granted.Count);
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromSeconds(3)) <= 3, $"{MostInAnyWindow(granted, TimeSpan.FromSeconds(3))} in three seconds");
    }

    [Fact]
    public async Task WithoutTheDatabaseAnInstanceSendsOnItsOwnBudget()
    {
        if (_db.Off) return;
        var pacer = new SendPacer([], Limits(), _time, new PgSendBudget(_db.Database, _time));
        await _db.DisposeAsync(); // the schema is gone: every reservation fails

        var reply = pacer.WaitAsync(Private("member"), SendPriority.Reply, default).AsTask();

        await reply.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private SendPacer Pacer() => new([], Limits(), _time, new PgSendBudget(_db.Database, _time));

    private static IOptions<PacingOptions> Limits() =>
        Options.Create(new PacingOptions { Channels = { ["test"] = new ChannelLimits { MessagesPerSecond = 20 } } });

    private static ConversationAddress Private(string chat) => new("test", chat, ChatKind.Private);

    /// <summary>
    /// The fake clock's time when each wait completed, stepping it by 10 ms after at least 10 real ms: never faster
    /// than a real clock, so a reservation's round trip cannot make its message look late (which would be a real
    /// problem on a real clock, where the windows' 100 ms margin covers it).
    /// </summary>
    private async Task<List<DateTimeOffset>> GrantTimesAsync(List<Task> waits, TimeSpan horizon)
    {
        var stamped = waits.Select(w => w.ContinueWith(_ => _time.GetUtcNow(), TaskContinuationOptions.ExecuteSynchronously)).ToList();
        var end = _time.GetUtcNow() + horizon;
        while (!stamped.All(s => s.IsCompleted) && _time.GetUtcNow() < end)
        {
            // The reservations are real round trips: let them land before the clock moves on.
            await Task.WhenAny(Task.WhenAll(stamped), Task.Delay(10));
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        return [.. stamped.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result)];
    }

    private static int MostInAnyWindow(List<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        return sorted.Select((t, i) => sorted.Skip(i).TakeWhile(u => u - t < window).Count()).DefaultIfEmpty(0).Max();
    }
}
