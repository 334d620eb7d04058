using System.Text.Json.Nodes;
using Bot.Builder.Activities;
using Bot.Builder.State;

namespace Bot.Builder.Tests.Dialogs;

public class PipelineTests
{
    [Fact]
    public async Task AChoiceButtonAnswersTheQuestionOnceAndASecondPressHasExpired()
    {
        var engine = new EngineHarness();
        var flow = engine.Flow();
        await flow.Send("/form").AssertReply("name?").Send("Nguyen An").AssertReply("age?").Send("30")
            .AssertReply(r => r.Reply.Buttons.Count == 2, "two buttons")
            .Press("Blue team").AssertReply("Nguyen An, 30, blue: ok?")
            .Press("Blue team").AssertNoReply();
        var answers = engine.Connector.ButtonAnswers.ToArray();
        Assert.Equal([null, "expired"], answers.Select(a => a.Text));
    }

    [Fact]
    public async Task AnotherMemberPressingMyButtonIsToldItIsNotTheirs()
    {
        var engine = new EngineHarness();
        var an = engine.Flow("an", "group", ChatKind.Group);
        await an.Send("/form").AssertReply("name?").Send("Nguyen An").AssertReply("age?").Send("30").AssertReply("team?");
        var data = engine.Connector.All.Last().Reply.Buttons[0].Data;
        await engine.Pipeline.ProcessAsync(new Activity { Channel = "test", ChatId = "group", ChatKind = ChatKind.Group, UserId = "binh", Kind = ActivityKind.Button, ButtonData = data });
        Assert.Equal("not yours", engine.Connector.ButtonAnswers.Last().Text);
        await an.Press("Red team").AssertReply("Nguyen An, 30, red: ok?");
    }

    [Fact]
    public async Task WithoutButtonsChoicesAreNumberedAndANumberPicksOne()
    {
        var engine = new EngineHarness(capabilities: new ChannelCapabilities { Buttons = false });
        await engine.Flow().Send("/form").AssertReply("name?").Send("Nguyen An").AssertReply("age?").Send("30")
            .AssertReply("team?\n1. Red team\n2. Blue team")
            .Send("2").AssertReply("blue: ok?");
    }

    [Fact]
    public async Task TheSameMessageDeliveredTwiceIsProcessedOnce()
    {
        var engine = new EngineHarness();
        var activity = new Activity { Channel = "test", ChatId = "c1", UserId = "u1", Text = "hello", MessageId = "42" };
        await engine.Pipeline.ProcessAsync(activity);
        await engine.Pipeline.ProcessAsync(activity);
        Assert.Single(engine.Connector.All);
    }

    [Fact]
    public async Task AFailingTurnApologisesAndResetsOnlyThatMembersForm()
    {
        var engine = new EngineHarness();
        var other = engine.Flow("u2", "c2");
        await other.Send("/form").AssertReply("name?");
        await engine.Flow().Send("/form").AssertReply("name?").Send("/boom").AssertReply("sorry").Send("Nguyen An").AssertReply("menu");
        await other.Send("Tran Binh").AssertReply("age?");
    }

    [Fact]
    public async Task AStoredStackNamingAnUnknownDialogIsRestartedPolitely()
    {
        var engine = new EngineHarness();
        var stale = new JsonObject { ["dialogs"] = JsonNode.Parse("""{"stack":[{"id":"OldPledgeForm","version":1}]}""") };
        await engine.Store.WriteAsync("test/chat/c1/member/u1", stale.ToJsonString(), 0);
        await engine.Flow().Send("Nguyen An").AssertReply("form changed, start again").Send("hi").AssertReply("menu");
    }

    [Fact]
    public async Task TwoTurnsOfOneConversationAtOnceAreSerialised()
    {
        var engine = new EngineHarness();
        var inside = 0;
        var overlapped = false;
        engine.OnMessage = async turn =>
        {
            if (Interlocked.Increment(ref inside) > 1) overlapped = true;
            var count = await turn.State.GetAsync<int>(StateScope.Conversation, "count");
            await Task.Delay(20);
            await turn.State.SetAsync(StateScope.Conversation, "count", count + 1);
            Interlocked.Decrement(ref inside);
        };
        var turns = Enumerable.Range(0, 10).Select(i =>
            engine.Pipeline.ProcessAsync(new Activity { Channel = "test", ChatId = "c1", UserId = "u1", Text = $"m{i}", MessageId = $"{i}" }));
        await Task.WhenAll(turns);
        Assert.False(overlapped);
        var doc = await engine.Store.ReadAsync("test/chat/c1");
        Assert.Equal(10, JsonNode.Parse(doc!.Json)!["count"]!.GetValue<int>());
    }
}
