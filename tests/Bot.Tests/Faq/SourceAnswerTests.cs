using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>Every source document can be asked about; long passages are answered with the sentence that holds the fact.</summary>
public class SourceAnswerTests
{
    [Theory]
    [InlineData("ai ký kế hoạch thi đua 2021 của tổng liên đoàn", "Nguyễn Đình Khang")]            // 000: national plan (news)
    [InlineData("Quảng Trị đợt 2 kết thúc ngày nào", "31/12/2021")]                              // 001: Quảng Trị plan
    [InlineData("văn bản phát động thi đua của lai châu số mấy", "13/PĐTD-LĐLĐ")]                // 002: Lai Châu call
    [InlineData("mục tiêu kép mà khối thi đua các tổ chức chính trị xã hội nói tới là gì", "mục tiêu kép")] // 003: bloc review
    [InlineData("việt nam là một trong bao nhiêu nền kinh tế mới nổi thành công", "16")]          // 004: 5-city cluster
    [InlineData("người viết bài báo sơ kết của khối thi đua là ai", "ĐẶNG LỢI")]                  // 003: its byline
    [InlineData("chỉ thị 05-CT/TW ban hành ngày nào", "15/5/2016")]                               // 002: a document's number
    public async Task EachSourceDocumentAnswersAQuestionWithItsSource(string question, string fact)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(question).AssertReply(r => r.Text.Contains(fact) && r.Text.Contains("Nguồn:"), fact);
    }

    [Fact]
    public async Task ALongPassageIsAnsweredWithTheSentenceThatHoldsTheFactAndTheWholeIsOneChoiceAway()
    {
        await using var bot = await TestBot.StartAsync();
        var passage = bot.Services.GetRequiredService<FaqLibrary>().Find("003-khoi-ctxh-review-2020/5")!.Answer.Vi;
        var flow = bot.Flow();
        await flow.Send("các đơn vị trong khối ủng hộ chống dịch covid qua hệ thống mặt trận được bao nhiêu tiền")
            .AssertReply(r => r.Text.Contains("2.000 tỷ đồng") && !r.Text.Contains(passage[..80]) && r.Reply.Choices.Count == 1, "the sentence, not the paragraph");
        await flow.Press(flow.Last!.Reply.Choices[0].Label).AssertReply(r => r.Text.Contains(passage[..80]), "the whole passage");
    }

    [Theory]
    // The context words (Tết 2020, công đoàn) are in every sentence of the passage; the asked words pick the sentence.
    [InlineData("tết nguyên đán 2020 công đoàn tổ chức phiên chợ nào cho công nhân", "phiên chợ nghĩa tình")]
    // The speaker and the meeting are in the passage's section, the asked words in one of its sentences.
    [InlineData("ở hội nghị cụm 5 thành phố chủ tịch ubnd hà nội nêu phương châm khen thưởng nào", "kịp thời, chính xác, công khai, công bằng")]
    public async Task APassageIsChosenAndCutByTheWordsAskedAboutNotByTheQuestionsContext(string question, string fact)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(question).AssertReply(r => r.Text.Contains(fact) && r.Text.Contains("Nguồn:"), fact);
    }

    [Fact]
    public async Task AQuestionNamingAReportIsAnsweredFromThatReportAheadOfACuratedEntry()
    {
        await using var bot = await TestBot.StartAsync();
        // A curated entry (the 2021 plan's movement) also covers "văn hóa công sở"; the question asks what the report says.
        await bot.Flow().Send("bài sơ kết khối thi đua nói gì về văn hóa công sở trong công đoàn")
            .AssertReply(r => r.Text.Contains("Nguồn: Bản tin sơ kết thi đua 6 tháng đầu năm 2020"), "the bloc report's paragraph, cited");
    }

    [Theory]
    [InlineData("ai", "bao cao", true)]   // "ai báo cáo": what comes after "ai" is asked about
    [InlineData("gì", "bao cao", false)]  // "hội nghị sơ kết gì": what comes before "gì" is
    public void TheWordsNextToTheQuestionWordChooseTheSentence(string marker, string afterMarker, bool reportWins)
    {
        var meeting = "Hội nghị sơ kết được tổ chức trang trọng tại hội trường lớn của thủ đô, với sự tham dự của đông đảo đại biểu từ nhiều tổ chức thành viên.";
        var report = "Báo cáo của Khối được trình bày đầy đủ và rõ ràng, nêu bật những kết quả đã đạt được cùng các hạn chế cần khắc phục trong thời gian tới.";
        string[] words = marker == "ai" ? ["hoi", "nghi", "so", "ket", marker, .. afterMarker.Split(' ')] : ["bao", "cao", "hoi", "nghi", "so", "ket", marker];
        var picked = FaqTestContent.Engine.Sentences.Pick([meeting, report], s => Bot.Builder.Recognizers.VietnameseText.Words(s), words, QuestionType.Other);
        Assert.Equal(reportWins ? 1 : 0, picked![0]);
    }

    [Fact]
    public void ASentenceThatGoesOnWithWhatWasAskedComesAlongWithTheBestOne()
    {
        string[] sentences =
        [
            "Công đoàn các cấp tổ chức nhiều hoạt động chăm lo thiết thực cho đoàn viên, nhất là dịp Tết Nguyên đán 2020, tạo sự lan tỏa mạnh mẽ.",
            "Các hoạt động “Tết Sum vầy” được tổ chức tại hầu hết các tỉnh, thành, thể hiện sự quan tâm kịp thời của tổ chức công đoàn.",
            "Phong trào văn hóa công sở cũng được triển khai rộng khắp trong các cơ quan, đơn vị của toàn Khối thi đua trong năm qua.",
        ];
        string[] words = ["hoat", "dong", "tet", "2020", "gi"];

        var picked = FaqTestContent.Engine.Sentences.Pick(sentences, s => Bot.Builder.Recognizers.VietnameseText.Words(s), words, QuestionType.Other);

        Assert.Equal([0, 1], picked!);
    }

    [Theory]
    [InlineData("When", "Ngày 20/7, tại Hà Nội, Khối thi đua họp. Các đại biểu thảo luận nhiều vấn đề quan trọng trong sáu tháng qua và đề ra phương hướng cho thời gian tới của cả Khối.", true)]
    [InlineData("HowMany", "Có 16 nền kinh tế.", true)]
    [InlineData("Who", "Đồng chí Nguyễn Đình Khang phát biểu.", true)]
    [InlineData("When", "Các đại biểu thảo luận nhiều vấn đề.", false)]
    [InlineData("When", "Phát động từ nay đến hết đợt.", true)]
    [InlineData("Where", "Hội nghị họp tại Hà Nội.", true)]
    [InlineData("Person", "Nhóm PV", true)]            // a byline without a person's name still says who wrote it
    [InlineData("Person", "Hội nghị họp tại Hà Nội.", false)]
    public void AQuestionTypeIsHeldOnlyBySentencesWithItsKindOfFact(string type, string sentence, bool holds) =>
        Assert.Equal(holds, FaqTestContent.Engine.Sentences.Holds(sentence, Enum.Parse<QuestionType>(type)));

    [Fact]
    public void SentencesAreSplitAtTheirEndsButNotInsideNumbers()
    {
        var sentences = AnswerSentences.Split("Mục 2.1 nói về thi đua. Ngày 20/7, tại Hà Nội, Khối họp! “Trích dẫn” ở đây.");
        Assert.Equal(["Mục 2.1 nói về thi đua.", "Ngày 20/7, tại Hà Nội, Khối họp!", "“Trích dẫn” ở đây."], sentences);
    }

    [Theory]
    [InlineData("muốn đạt lao động tiên tiến cần tiêu chuẩn gì")]
    [InlineData("đạt lao động tiên tiến được thưởng bao nhiêu tiền")]
    // asked with a two-word question word and no question mark, without accents
    [InlineData("doan phi cong doan moi thang dong bao nhieu phan tram luong")]
    // close enough to registration entries for "did you mean", too far to answer: the honest answer serves better
    [InlineData("mẫu đơn đăng ký thi đua lấy ở đâu vậy")]
    [InlineData("công ty chưa có công đoàn thì lập công đoàn thế nào")]
    [InlineData("thang điểm thi đua ở phân xưởng em chấm ra sao")]
    [InlineData("cty e ko co cd thi lap cd ntn ad")] // abbreviations: "lập cđ" is "lập công đoàn"
    public async Task AQuestionTheDocumentsDoNotAnswerSaysSoAndPointsToTheGrassrootsUnion(string question)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(question)
            .AssertReply(r => r.Text.Contains("không") && r.Text.Contains("công đoàn cơ sở") && r.Text.Contains("Nguồn:"), "the documents are silent; ask your CĐCS");
    }

    [Theory]
    // "how" about what the documents say should change, not about a member's own procedure: the report answers.
    [InlineData("công tác thi đua khen thưởng cần đổi mới như thế nào")]
    [InlineData("hội đồng thi đua khen thưởng các cấp phải đổi mới ntn")]
    public async Task AskedHowSomethingTheDocumentsDescribeShouldChangeTheDocumentAnswers(string question)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(question)
            .AssertReply(r => r.Text.Contains("Hội đồng Thi đua - Khen thưởng") && !r.Text.Contains("không nói về việc này"), "the report's passage");
    }

    [Fact]
    public async Task AHowManyQuestionIsAnsweredByTheItemThatGivesTheCountNotByOneHoldingADigit()
    {
        await using var bot = await TestBot.StartAsync();
        // "Nội dung 2: … do Tổng Liên đoàn phát động" shares more words; "5 nội dung" answers.
        await bot.Flow().Send("cho e hoi tld phat dong may noi dung thi dua 2021").AssertReply(r => r.Text.Contains("5 nội dung"), "the count");
    }

    [Theory]
    [InlineData("tld phát động mấy nội dung", "Phong trào tập trung vào 5 nội dung: (1) …", true)]
    [InlineData("tld phát động mấy nội dung", "Nội dung 2: đẩy mạnh các phong trào do Tổng Liên đoàn phát động.", false)]
    [InlineData("năm 2021 thi đua mấy đợt", "Phong trào được tổ chức thành hai đợt.", true)]
    [InlineData("how many phases are there", "The movement has 2 phases: Phase 1 …", true)]
    public void AnAnswerGivesTheCountOnlyWithANumberRightBeforeTheCountedThing(string question, string answer, bool counts)
    {
        var counted = FaqTestContent.Engine.Sentences.Counted;
        Assert.Equal(counts, counted.Of(question) is { } noun && counted.IsCountedIn(answer, noun));
    }

    [Fact]
    public async Task WhoReviewsAPledgeIsAnsweredWithTheGrassrootsUnionAndTheBot()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("ai xét duyệt bản đăng ký thi đua của tôi").AssertReply(r => r.Text.Contains("CĐCS") && r.Text.Contains("/dangky"), "the union reviews; /dangky");
    }

    [Fact]
    public async Task HowToRegisterIsAnsweredWithTheCommand()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("làm sao để đăng ký thi đua?").AssertReply(r => r.Text.Contains("/dangky"), "the command");
    }
}
