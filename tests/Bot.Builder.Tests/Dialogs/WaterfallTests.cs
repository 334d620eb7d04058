using Bot.Builder.State;

namespace Bot.Builder.Tests.Dialogs;

public class WaterfallTests
{
    [Fact]
    public async Task AFormAsksEachFieldAndEndsWithTheConfirmedValues()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("Nguyen Van An").AssertReply("age?")
            .Send("30").AssertReply("team?")
            .Send("2").AssertReply("Nguyen Van An, 30, blue: ok?")
            .Send("có").AssertReply("saved Nguyen Van An")
            .Send("hello").AssertReply("menu");
    }

    [Fact]
    public async Task AnInvalidAnswerIsReaskedWithTheRetryPrompt()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("An").AssertReply("full name please")
            .Send("Nguyen An").AssertReply("age?")
            .Send("abc").AssertReply("a number please")
            .Send("12").AssertReply("age must be 18-70")
            .Send("25").AssertReply("team?");
    }

    [Fact]
    public async Task TooManyFailedAttemptsGiveUpAndEndTheForm()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("a").AssertReply("full name please")
            .Send("b").AssertReply("full name please")
            .Send("c").AssertReply("giving up")
            .Send("Nguyen An").AssertReply("menu");
    }

    [Fact]
    public async Task APromptWithoutGiveUpWordsKeepsAskingRatherThanEndTheFormInSilence()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("Nguyen An").AssertReply("age?")
            .Send("a").AssertReply("a number please")
            .Send("b").AssertReply("a number please")
            .Send("c").AssertReply("a number please")
            .Send("d").AssertReply("a number please")
            .Send("25").AssertReply("team?");
    }

    [Fact]
    public async Task BackGoesOneStepBackAndKeepsEarlierAnswers()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("Nguyen An").AssertReply("age?")
            .Send("30").AssertReply("team?")
            .Send("quay lại").AssertReply("age?")
            .Send("31").AssertReply("team?")
            .Send("Red").AssertReply("Nguyen An, 31, red: ok?");
    }

    [Fact]
    public async Task BackOnTheFirstQuestionSaysSoAndAsksAgain()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("quay lai").AssertReply("first question").AssertReply("name?");
    }

    [Fact]
    public async Task HelpAnswersAndResumesTheSameStep()
    {
        var engine = new EngineHarness();
        await engine.Flow()
            .Send("/form").AssertReply("name?")
            .Send("Nguyen An").AssertReply("age?")
            .Send("trợ giúp").AssertReply("help for SignUpForm").AssertReply("age?")
            .Send("40").AssertReply("team?");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CancelAtAnyStepEndsTheForm(int answeredBeforeCancel)
    {
        var engine = new EngineHarness();
        var flow = engine.Flow().Send("/form").AssertReply("name?");
        string[] answers = ["Nguyen An", "30", "1"];
        string[] next = ["age?", "team?", "ok?"];
        for (var i = 0; i < answeredBeforeCancel && i < answers.Length; i++)
            flow = flow.Send(answers[i]).AssertReply(next[i]);
        await flow.Send("huỷ").AssertReply("cancelled").Send("30").AssertReply("menu");
        Assert.Null(await engine.Store.ReadAsync("test/chat/c1/member/u1") is { } doc && doc.Json.Contains("SignUpForm") ? doc : null);
    }

    [Fact]
    public async Task TheDialogStackSurvivesANewEngineOnTheSameStore()
    {
        var store = new MemoryStateStore();
        await new EngineHarness(store).Flow().Send("/form").AssertReply("name?").Send("Nguyen An").AssertReply("age?");
        await new EngineHarness(store).Flow().Send("33").AssertReply("team?");
    }

    [Fact]
    public async Task InAGroupEachMemberHasTheirOwnForm()
    {
        var engine = new EngineHarness();
        var an = engine.Flow("an", "group", Bot.Builder.Activities.ChatKind.Group);
        var binh = engine.Flow("binh", "group", Bot.Builder.Activities.ChatKind.Group);
        await an.Send("/form").AssertReply("name?");
        await binh.Send("/form").AssertReply("name?");
        await an.Send("Nguyen An").AssertReply("age?");
        await binh.Send("Tran Binh").AssertReply("age?");
    }
}
