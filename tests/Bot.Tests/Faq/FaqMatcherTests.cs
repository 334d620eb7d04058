using Bot.Faq;

namespace Bot.Tests.Faq;

public class FaqMatcherTests
{
    private static readonly FaqOptions Options = new();

    private static FaqMatch Ask(string question) => FaqMatcher.Match(FaqTestContent.Index, question, Options);

    [Theory]
    [InlineData("Chủ đề thi đua năm 2021 là gì?", "tld-2021-theme")]
    [InlineData("chu de thi dua nam 2021 la gi", "tld-2021-theme")]
    [InlineData("chủ đè thi đua 2021", "tld-2021-theme")]
    [InlineData("đợt 2 bắt đầu khi nào", "tld-2021-dot-2")]
    [InlineData("dot1 ket thuc ngay nao", "tld-2021-dot-1")]
    [InlineData("đợt một cần làm gì", "tld-2021-dot-1")]
    [InlineData("ai ký kế hoạch", "tld-2021-signed")]
    [InlineData("Xanh sạch đẹp là gì", "tld-2021-xsd-atvsld")]
    [InlineData("CNVCLĐ là gì", "general-cnvcld")]
    [InlineData("Quảng Trị đợt hai kết thúc khi nào", "quang-tri-2021-dot-2")]
    public void MemberPhrasingsAreAnsweredWithTheRightEntry(string question, string expected)
    {
        var match = Ask(question);
        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.Equal(expected, match.Answer!.Id);
    }

    [Fact]
    public void ShorthandWithoutAVowelThatNoItemHoldsWeighsLikeAQuestionWordButAnUnknownSyllableDoesNot()
    {
        var index = FaqTestContent.Index;
        Assert.Equal(index.Weight("là"), index.Weight("kbt"));
        Assert.True(index.Weight("trâu") > 3 * index.Weight("kbt"), "an unknown syllable (\"trâu\") keeps the weight of a rare word");
    }

    [Fact]
    public void ChatShorthandTheTablesDoNotKnowDoesNotSinkAnOtherwiseClearQuestion()
    {
        var plain = Ask("chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn nào");
        var chat = Ask("ctr mục tiêu quốc gia xây dựng nông thôn mới giai đoạn nào vkl");
        Assert.Equal(FaqOutcome.Answer, chat.Outcome);
        Assert.Equal(plain.Answer!.Id, chat.Answer!.Id);
    }

    [Theory]
    [InlineData("giá vàng hôm nay")]
    [InlineData("thời tiết Hà Nội ngày mai thế nào")]
    [InlineData("kết quả bóng đá Việt Nam tối qua")]
    [InlineData("asdfgh qwerty")]
    [InlineData("chủ đề thi đua năm 2015 là gì")]
    [InlineData("???")]
    [InlineData("là gì")]
    [InlineData("khi nào vậy")]
    [InlineData("làm sao để giảm cân")]
    public void OffTopicQuestionsAreNotAnswered(string question) => Assert.NotEqual(FaqOutcome.Answer, Ask(question).Outcome);

    [Fact]
    public void ALoneSyllableTypedWithOtherMarksThanTheItemsCountsLessThanTheSameSyllableTypedBare()
    {
        // "giảm cân" (losing weight) folds to the "giam", "can" of "giám sát … cán bộ": typed with marks it is not that.
        const string passage = "003-khoi-ctxh-review-2020/14";
        var bare = FaqTestContent.Index.Search("lam sao de giam can", 10).Single(c => c.Item.Id == passage);
        var marked = FaqTestContent.Index.Search("làm sao để giảm cân", 10).SingleOrDefault(c => c.Item.Id == passage);
        Assert.True(marked is null || marked.Confidence < bare.Confidence - 0.1, $"{marked?.Confidence} vs {bare.Confidence}");
    }

    [Fact]
    public void HowManyThingsAMemberAsksAboutIsNotANumberTheTextMustHold()
    {
        // Lai Châu lists "Trung thành, trách nhiệm, liêm chính, sáng tạo" without a 4; "đợt 3" still names a phase.
        const string entry = "lai-chau-2020-2025-trung-thanh";
        var counted = FaqTestContent.Index.Search("cuoc van dong xay dung nguoi can bo cong chuc vien chuc co 4 chu gi", 10).Single(c => c.Item.Id == entry);
        var plain = FaqTestContent.Index.Search("cuoc van dong xay dung nguoi can bo cong chuc vien chuc co nhung chu gi", 10).Single(c => c.Item.Id == entry);
        Assert.True(counted.Confidence > plain.Confidence * 0.75, $"{counted.Confidence} vs {plain.Confidence}");
        var ordinal = FaqTestContent.Index.Search("dot 3 lam gi", 10).SingleOrDefault(c => c.Item.Id == "tld-2021-dot-1");
        var named = FaqTestContent.Index.Search("dot 1 lam gi", 10).Single(c => c.Item.Id == "tld-2021-dot-1");
        Assert.True(ordinal is null || ordinal.Confidence < named.Confidence * 0.6, $"{ordinal?.Confidence} vs {named.Confidence}");
    }

    [Theory]
    [InlineData("ai viết bài về khối thi đua 2020")]
    [InlineData("who wrote the article about the bloc review 2020")]
    public void AYearTheReportSpeaksOfDoesNotSinkAPassageThatDoesNotRepeatIt(string question)
    {
        // The byline "ĐẶNG LỢI" names no year; the report is dated 20/7/2020 and speaks of 2020 throughout.
        var match = FaqTestContent.Engine.Ask(question, new FaqOptions());
        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.Equal("003-khoi-ctxh-review-2020/15", match.Items[0].Id);
    }

    [Fact]
    public void AQuestionNamingNoPlanIsAboutTheNationalOne() => Assert.Equal("tld-2021-dot-1", Ask("đợt 1 thi đua làm gì").First?.Id);

    [Fact]
    public void AnAmbiguousQuestionOffersTwoOrThreeCandidates()
    {
        var match = FaqTestContent.Engine.Ask("Quảng Trị", Options);
        Assert.Equal(FaqOutcome.DidYouMean, match.Outcome);
        Assert.InRange(match.Items.Count, 2, 3);
    }

    [Fact]
    public void APastedEssayDoesNotBreakTheQuery()
    {
        var essay = string.Join(' ', Enumerable.Repeat("phong trào thi đua lao động giỏi lao động sáng tạo năm 2021 của công đoàn", 200));
        Assert.NotNull(Ask(essay));
    }

    [Fact]
    public void ANoPlanQuestionIsFoundInThePlanTextsWhenNoEntryFits()
    {
        // No curated entry is about Directive 05-CT/TW's date; the Lai Châu passage quoting it is.
        var match = Ask("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị trong lời phát động Lai Châu");
        Assert.Contains(match.Candidates.Take(3), c => c.Item.PlanId == "lai-chau-2020-2025");
    }

    [Fact]
    public void ConcurrentQuestionsGetTheSameAnswersAsOneByOne()
    {
        string[] questions = ["đợt 2 bắt đầu khi nào", "chủ đè thi đua 2021", "giá vàng hôm nay", "Quảng Trị", "CĐCS là gì", "phog trao thi dua"];
        var expected = questions.Select(q => Ask(q).First?.Id).ToArray();
        var results = new string?[questions.Length * 50];
        Parallel.For(0, results.Length, i => results[i] = Ask(questions[i % questions.Length]).First?.Id);
        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(expected[i % questions.Length], results[i]));
    }

    [Fact]
    public async Task ThresholdsThatContradictEachOtherStopTheStart()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Faq:SuggestConfidence"] = "0.9", ["Faq:AnswerConfidence"] = "0.6" }));
        Assert.Contains("Faq:SuggestConfidence", error.Message);
    }

    [Fact]
    public void AFillerTypedWithoutItsMarksWeighsLikeAQuestionWordNotLikeAnUnknownTopic()
    {
        // "giúp" is dropped as typed, so no indexed text holds "giup"; typed without marks it is still the filler.
        Assert.Equal(FaqTestContent.Index.Weight("gi"), FaqTestContent.Index.Weight("giup"));
        Assert.True(FaqTestContent.Index.Weight("xylophone") > 3, "an unknown topic word still weighs most");
    }

    [Fact]
    public void CelebratingIsATopicThoughGreetingIsAFiller()
    {
        // "chào" alone is a greeting and dropped; "chào mừng" (to celebrate) stays in the texts and in questions.
        Assert.Contains("chào mừng", FaqTestContent.Index.Normalizer.Normalize("Lai Châu thi đua chào mừng ngày lễ nào").Text);
        Assert.True(FaqTestContent.Index.Knows("chao"));
    }

    [Fact]
    public void ACuratedEntryAsCloseAsTheParagraphOnTopIsAnsweredRatherThanOfferedBesideIt()
    {
        // A paragraph scores a hair above the entry written from it; the next entry is well behind.
        var catalog = FaqTestContent.Catalog;
        FaqCandidate Candidate(string id, double confidence) => new(catalog.Items.Single(i => i.Id == id), confidence, 1);
        List<FaqCandidate> Ranked() => [Candidate("000-tld-2021-news/11", 0.79), Candidate("tld-2021-dot-1", 0.785), Candidate("tld-2021-phases", 0.70)];

        var tie = FaqMatcher.Decide(Ranked(), Options);
        var noTie = FaqMatcher.Decide(Ranked(), new FaqOptions { EntryTieWindow = 0 });

        // Without the window the paragraph is answered and the entry only offered beside it.
        Assert.Equal(("000-tld-2021-news/11", "tld-2021-dot-1"), (noTie.Items[0].Id, noTie.Also.Single().Id));
        Assert.Equal(FaqOutcome.Answer, tie.Outcome);
        Assert.Equal("tld-2021-dot-1", tie.Items[0].Id);
        Assert.Empty(tie.Also);
    }

    [Fact]
    public void AParagraphWellAheadOfEveryEntryIsAnsweredItself()
    {
        var catalog = FaqTestContent.Catalog;
        FaqCandidate Candidate(string id, double confidence) => new(catalog.Items.Single(i => i.Id == id), confidence, 1);

        var match = FaqMatcher.Decide([Candidate("000-tld-2021-news/11", 0.85), Candidate("tld-2021-dot-1", 0.70)], Options);

        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.Equal("000-tld-2021-news/11", match.Items[0].Id);
    }

    [Theory]
    // "Pháp" is a syllable of "pháp luật", "Nhật" of "hàng ngày nhật"…: only the capital says it is a country.
    [InlineData("thủ đô của Pháp tên là gì")]
    [InlineData("ở Pháp thi đua thế nào")]
    [InlineData("cong doan o Nhat co thi dua khong")]
    public void AQuestionNamingSomethingNoDocumentNamesIsNotAnswered(string question)
    {
        Assert.Equal(FaqOutcome.Answer, FaqTestContent.Engine.Ask(question, new FaqOptions { UnknownNamePenalty = 0 }).Outcome);
        Assert.NotEqual(FaqOutcome.Answer, FaqTestContent.Engine.Ask(question, Options).Outcome);
    }

    [Theory]
    [InlineData("Đợt 2 của Tổng Liên đoàn bắt đầu khi nào", "tld-2021-dot-2")]
    [InlineData("Lai Châu phát động thi đua giai đoạn nào", "lai-chau-2020-2025-period")]
    public void NamesTheDocumentsHoldAndTheFirstWordOfASentenceDoNotCount(string question, string entry)
    {
        var match = FaqTestContent.Engine.Ask(question, Options);

        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.Equal(entry, match.Items[0].Id);
    }
}
