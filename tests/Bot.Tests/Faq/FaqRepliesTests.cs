using Bot.Content;
using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>What a member reads in English keeps the documents' own Vietnamese words.</summary>
public class FaqRepliesTests
{
    private static readonly FaqReplies Replies = new(TestBot.Texts);

    [Fact]
    public void AShortPlanPassageInEnglishShowsItsVietnameseWholeUnderneathAndNotTwice()
    {
        var passage = Passage(en: "Phase 2: carry out “Good work, Creative work”.", vi: "Đợt 2: thực hiện “Lao động giỏi, Lao động sáng tạo”.");

        var text = Replies.Render(FaqTestContent.Engine, passage, Languages.English, match: null).Text;

        Assert.Contains("“Phase 2: carry out “Good work, Creative work”.”", text);
        Assert.Contains("In the document (Vietnamese): «Đợt 2: thực hiện “Lao động giỏi, Lao động sáng tạo”.»", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Lao động giỏi"));
    }

    [Fact]
    public void AParagraphOfSeveralSentencesInEnglishShowsItsVietnameseWholeUnderneath()
    {
        // A report's opening paragraph: the member asks in English who someone is; the office is written in Vietnamese.
        var en = "On 20/7 the bloc met in Hanoi. " + string.Concat(Enumerable.Repeat("It reviewed the work of the first half of the year. ", 9)) + "Hầu A Lềnh is Vice President and Secretary-General.";
        var vi = "Ngày 20/7 Khối họp tại Hà Nội. " + string.Concat(Enumerable.Repeat("Khối sơ kết công tác 6 tháng đầu năm. ", 9)) + "Hầu A Lềnh là Phó Chủ tịch- Tổng thư ký.";
        Assert.InRange(vi.Length, 321, FaqReplies.ShortPassage);

        var text = Replies.Render(FaqTestContent.Engine, Passage(en, vi), Languages.English, match: null).Text;

        Assert.Contains("In the document (Vietnamese)", text);
        Assert.Contains("Phó Chủ tịch- Tổng thư ký", text);
    }

    [Fact]
    public void ASentenceFindsItsTranslationByTheNamesAndNumbersTheyShareWhenTheSidesSplitDifferently()
    {
        string[] vietnamese = ["Ngày 20/7, Khối họp tại Hà Nội; chủ trì là đồng chí Trần Thanh Mẫn.", "Đồng chí Hầu A Lềnh là Phó Chủ tịch- Tổng thư ký.", "Hội nghị thống nhất 5 nhiệm vụ."];

        Assert.Equal(1, Anchors.Closest("Comrade Hầu A Lềnh is Vice President and Secretary-General.", vietnamese));
        Assert.Equal(0, Anchors.Closest("On 20/7 the bloc met in Hanoi.", vietnamese));
        Assert.Equal(-1, Anchors.Closest("nothing named here", vietnamese));
    }

    [Fact]
    public void ALongPlanPassageInEnglishGivesItsQuotedNamesInVietnameseInstead()
    {
        var filler = new string('x', FaqReplies.ShortPassage);
        var passage = Passage(en: $"Take part in “Good work, Creative work”. {filler}", vi: $"Tham gia “Lao động giỏi, Lao động sáng tạo”. {filler}");

        var text = Replies.Render(FaqTestContent.Engine, passage, Languages.English, match: null).Text;

        Assert.Contains("“Good work, Creative work” (“Lao động giỏi, Lao động sáng tạo”)", text);
        Assert.DoesNotContain("In the document", text);
    }

    [Fact]
    public void InVietnameseNothingIsAdded()
    {
        var passage = Passage(en: "Phase 2: carry out “Good work, Creative work”.", vi: "Đợt 2: thực hiện “Lao động giỏi, Lao động sáng tạo”.");

        var text = Replies.Render(FaqTestContent.Engine, passage, Languages.Vietnamese, match: null).Text;

        Assert.DoesNotContain("Good work", text);
        Assert.DoesNotContain("Nguyên văn", text);
    }

    [Fact]
    public void AnEnglishCuratedAnswerShowsTheSameAnswerInVietnameseUnderneath()
    {
        var entry = FaqTestContent.Catalog.Items.Single(i => i.Id == "general-cum-5-thanh-pho");

        var text = Replies.Render(FaqTestContent.Engine, entry, Languages.English, match: null).Text;

        Assert.Contains("chose Hồ Chí Minh City as cluster head", text);
        Assert.Contains("In Vietnamese: «Ngày 9/4/2021", text);
        Assert.Contains("TP Hồ Chí Minh làm Cụm trưởng", text);
        Assert.True(text.IndexOf("In Vietnamese", StringComparison.Ordinal) < text.IndexOf("Source:", StringComparison.Ordinal), "the source closes the answer");
    }

    [Fact]
    public void AnEnglishAnswerAboutTheBotItselfIsNotRepeatedInVietnamese()
    {
        var entry = FaqTestContent.Catalog.Items.Single(i => i.Id == "registration-how-bot");

        var text = Replies.Render(FaqTestContent.Engine, entry, Languages.English, match: null).Text;

        Assert.DoesNotContain("In Vietnamese", text);
    }

    [Fact]
    public void AVietnameseCuratedAnswerIsNotFollowedByAnything()
    {
        var entry = FaqTestContent.Catalog.Items.Single(i => i.Id == "general-cum-5-thanh-pho");

        var text = Replies.Render(FaqTestContent.Engine, entry, Languages.Vietnamese, match: null).Text;

        Assert.DoesNotContain("Bằng tiếng Việt", text);
        Assert.DoesNotContain("cluster head", text);
    }

    private static FaqItem Passage(string en, string vi) => new()
    {
        Id = "test-passage",
        Kind = FaqItemKind.Passage,
        Label = new Localized { Vi = "Đợt 2", En = "Phase 2" },
        Answer = new Localized { Vi = vi, En = en },
        Source = new Localized { Vi = "Kế hoạch, đợt 2", En = "Plan, phase 2" },
        Document = new Localized { Vi = "Kế hoạch thử", En = "test plan" },
        Heading = new Localized { Vi = "Đợt 2", En = "Phase 2" },
        Questions = [],
        Body = vi,
    };
}
