using Bot.Faq;
using static Bot.Tests.Faq.FaqContentTests;

namespace Bot.Tests.Faq;

/// <summary>A passage's `asks` (members' own words for what it answers) reach it when the document's wording does not.</summary>
public class SourceAsksTests
{
    private const string Passage = """
        seed: "900"
        document: { vi: "Bản tin thử nghiệm (1/1/2020)", en: "Test news report (1/1/2020)" }
        passages:
          - section: { vi: "Đoạn 1", en: "Paragraph 1" }
            topic: { vi: "Hội nghị tổng kết của hợp tác xã Ánh Dương", en: "The review meeting of the Ánh Dương cooperative" }
            text:
              vi: "Hội nghị tổng kết của hợp tác xã Ánh Dương do đồng chí Lò Văn Pấng chủ trì."
              en: "The review meeting of the Ánh Dương cooperative was chaired by comrade Lò Văn Pấng."
        """;

    private const string Asks = """
            asks:
              vi: ["ai cầm trịch buổi họp cuối năm của xã viên"]
              en: ["who ran the year-end meeting of the co-op members"]
        """;

    [Theory]
    [InlineData("ai cầm trịch buổi họp cuối năm của xã viên vậy")]
    [InlineData("who ran the year-end meeting of the co-op members?")]
    public void AQuestionInAMembersOwnWordsReachesThePassageThroughItsAsks(string question)
    {
        var without = Answer(Passage, question);
        var with = Answer(Passage + "\n" + Asks, question);

        Assert.NotEqual("900-test/1", without);
        Assert.Equal("900-test/1", with);
    }

    [Fact]
    public void AnEmptyAskIsReportedWithItsFile()
    {
        using var dir = CopyOfDialogs(sources: false);
        Directory.CreateDirectory(Path.Combine(dir.Path, SourcePassages.Folder));
        File.WriteAllText(Path.Combine(dir.Path, SourcePassages.Folder, "900-test.yaml"), Passage + "\n    asks: { vi: [\"\"], en: [] }\n");

        var problems = Assert.Throws<Bot.Content.ContentException>(() => FaqCatalog.Load(Load(dir.Path))).Problems;

        Assert.Contains(problems, p => p.StartsWith("sources/900-test.yaml:", StringComparison.Ordinal) && p.Contains("asks"));
    }

    [Theory]
    // "giảm cân" (losing weight) folds to syllables of an ask about "giám sát cán bộ" (supervising officers):
    // they are other words, so the ask's closeness does not carry an off-topic question to an answer.
    [InlineData("làm sao để giảm cân nhanh")]
    [InlineData("làm thế nào để giảm cân")]
    public void AnOffTopicQuestionSharingOnlySyllablesWithAnAskIsNotAnswered(string question)
    {
        Assert.NotEqual(FaqOutcome.Answer, FaqTestContent.Engine.Ask(question, new FaqOptions()).Outcome);
    }

    private static string? Answer(string file, string question)
    {
        using var dir = CopyOfDialogs(sources: false);
        Directory.CreateDirectory(Path.Combine(dir.Path, SourcePassages.Folder));
        File.WriteAllText(Path.Combine(dir.Path, SourcePassages.Folder, "900-test.yaml"), file);
        var engine = FaqEngine.Build(FaqCatalog.Load(Load(dir.Path)));
        var match = engine.Ask(question, new FaqOptions());
        return match.Outcome == FaqOutcome.Answer ? match.Items[0].Id : null;
    }
}
