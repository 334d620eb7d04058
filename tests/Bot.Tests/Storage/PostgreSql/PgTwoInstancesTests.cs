using Bot.Builder.Pipeline;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>Two bots on one PostgreSQL database, as two instances behind a load balancer: a message is answered once, a member's turns do not collide.</summary>
public sealed class PgTwoInstancesTests : IAsyncLifetime
{
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _db.ConnectionString,
    };

    private static Activity Message(string text, string messageId, string user = "u1") => new()
    {
        Channel = "test", ChatId = user, UserId = user, UserName = "Nguyễn Văn An", Text = text, MessageId = messageId, Timestamp = TestBot.DefaultNow,
    };

    [Fact]
    public async Task AMessageDeliveredToBothInstancesAtOnceIsAnsweredOnce()
    {
        if (_db.Off) return;
        await using var first = await TestBot.StartAsync(Settings);
        await using var second = await TestBot.StartAsync(Settings);

        int Sent() => first.Connector.All.Concat(second.Connector.All).Count(r => r.Text.Contains("Hôm nay"));
        for (var i = 0; i < 10; i++)
        {
            var message = Message("/dot", $"m-{i}");
            await Task.WhenAll(first.Pipeline.ProcessAsync(message), second.Pipeline.ProcessAsync(message));
            Assert.Equal(i + 1, Sent());
        }
        Assert.DoesNotContain(first.Connector.All.Concat(second.Connector.All), r => r.Text == TestBot.Text("core.turn-failed"));
    }

    [Fact]
    public async Task OneMembersTurnsOnTwoInstancesAtOnceRunOneAfterTheOtherWithoutAConflict()
    {
        if (_db.Off) return;
        await using var first = await TestBot.StartAsync(Settings);
        await using var second = await TestBot.StartAsync(Settings);
        var failed = TestBot.Text("core.turn-failed");

        // /start stores the member's menu choices: two at once on one stored state would collide on its version.
        for (var i = 0; i < 10; i++)
            await Task.WhenAll(first.Pipeline.ProcessAsync(Message("/start", $"a-{i}")), second.Pipeline.ProcessAsync(Message("/start", $"b-{i}")));

        Assert.DoesNotContain(first.Connector.All.Concat(second.Connector.All), r => r.Text == failed);
        Assert.Equal(20, first.Connector.All.Concat(second.Connector.All).Count(r => r.Reply.Buttons.Count > 0));
    }
}
