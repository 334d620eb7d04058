using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>
/// A member who describes a fact in their own words shares few words with the documents; when they name the plan and
/// one item of it stands far ahead of the rest, that item is the answer. Off-topic questions name no plan, and the
/// few that do spread over the plan's items instead of one leading.
/// </summary>
public class AnchoredAnswerTests
{
    private static readonly FaqOptions Options = new();

    private static FaqCandidate Candidate(string id, double confidence) =>
        new(FaqTestContent.Catalog.Items.Single(i => i.Id == id), confidence, 1);

    // Well below the answer level, but far ahead of the next item.
    private static List<FaqCandidate> Ranked() => [Candidate("lai-chau-2020-2025-focus-3", 0.45), Candidate("lai-chau-2020-2025-period", 0.30)];

    [Fact]
    public void AnItemFarAheadIsAnsweredWhenTheQuestionNamesItsPlan()
    {
        var match = FaqMatcher.Decide(Ranked(), Options, anchored: true);

        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.Equal("lai-chau-2020-2025-focus-3", match.Items[0].Id);
    }

    [Fact]
    public void TheSameLeadWithoutAPlanNamedIsOnlyOffered()
    {
        Assert.Equal(FaqOutcome.DidYouMean, FaqMatcher.Decide(Ranked(), Options, anchored: false).Outcome);
    }

    [Fact]
    public void ANamedPlanDoesNotAnswerWhenTheNextItemIsClose()
    {
        List<FaqCandidate> close = [Candidate("lai-chau-2020-2025-focus-3", 0.45), Candidate("lai-chau-2020-2025-period", 0.40)];

        Assert.Equal(FaqOutcome.DidYouMean, FaqMatcher.Decide(close, Options, anchored: true).Outcome);
    }

    [Fact]
    public void ANamedPlanDoesNotAnswerBelowTheAnchoredLevel()
    {
        List<FaqCandidate> low = [Candidate("lai-chau-2020-2025-focus-3", 0.33), Candidate("lai-chau-2020-2025-period", 0.10)];

        Assert.NotEqual(FaqOutcome.Answer, FaqMatcher.Decide(low, Options, anchored: true).Outcome);
    }

    [Theory]
    [InlineData("thời tiết Lai Châu tuần này thế nào")]
    [InlineData("đường lên Lai Châu có khó đi không")]
    [InlineData("Quảng Trị có bãi biển nào đẹp không")]
    [InlineData("giá vé xe khách đi Quảng Trị bao nhiêu")]
    public void AnOffTopicQuestionThatNamesAPlanIsStillNotAnswered(string question)
    {
        Assert.NotEqual(FaqOutcome.Answer, FaqTestContent.Engine.Ask(question, Options).Outcome);
    }

    [Theory]
    [InlineData("cty em ở Lai Châu năm nay có được bằng khen không ạ")]
    [InlineData("em làm ở Quảng Trị, nghỉ ốm 2 tháng có được xét lao động tiên tiến không")]
    public void AMembersOwnAffairNamingAPlanGetsTheHonestPointerRatherThanAWeakPlanAnswer(string question)
    {
        // Anchored answers forced for any lead: a weak plan item would be the answer but for the member's own affair.
        var eager = new FaqOptions { AnchoredConfidence = 0.2, AnchoredMargin = 0 };

        var match = FaqTestContent.Engine.Ask(question, eager);

        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.Equal(FaqTestContent.Engine.Sentences.UnansweredEntry, match.Items[0].Id);
    }
}
