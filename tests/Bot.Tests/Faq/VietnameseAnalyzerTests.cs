using Bot.Faq;

namespace Bot.Tests.Faq;

public class VietnameseAnalyzerTests
{
    private static readonly VietnameseAnalyzer Analyzer = new();
    private static readonly TextNormalizer Normalizer = new(FaqTestContent.Catalog.Synonyms);

    public static TheoryData<string, string> FoldedWords => new()
    {
        // diacritics fold, đ/Đ become d, case is lowered
        { "Chủ đề thi đua năm 2021 là gì?", "chu de thi dua nam 2021 la gi" },
        { "ĐỢT MỘT", "dot mot" },
        { "Đảng đoàn", "dang doan" },
        // decomposed input (letter + combining mark), which ASCII folding alone leaves marked
        { "chu\u0309 đe\u0302\u0300", "chu de" },
        // punctuation splits, "2.1" stays one number
        { "nội dung 2.1, đợt 1/2021!", "noi dung 2.1 dot 1 2021" },
    };

    [Theory]
    [MemberData(nameof(FoldedWords))]
    public void FoldsDiacriticsAndDIntoPlainSyllables(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Analyzer.Terms(FaqFields.Questions, text)));

    public static TheoryData<string, string[]> Pairs => new()
    {
        { "Thi đua yêu nước", ["thi dua", "dua yeu", "yeu nuoc"] },
        { "Công đoàn", ["cong doan"] },
        { "đợt", [] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void PairFieldHoldsSyllableBigramsOnly(string text, string[] expected) =>
        Assert.Equal(expected, Analyzer.Terms(FaqFields.QuestionPairs, text));

    [Fact]
    public void ExactFieldKeepsTheDiacriticsAsTyped() =>
        Assert.Equal(["chủ", "đề", "đè"], Analyzer.Terms(FaqFields.QuestionsExact, "Chủ đề đè"));

    public static TheoryData<string, string> Normalized => new()
    {
        // abbreviations: expanded, the abbreviation kept as a tie-breaker; with or without diacritics, any case
        { "CNVCLĐ là ai", "cnvclđ công nhân viên chức lao động là ai" },
        { "cnvcld", "cnvcld công nhân viên chức lao động" },
        { "phong trào LĐG-LĐST", "phong trào lđg lđst lao động giỏi lao động sáng tạo" },
        { "ATVSLĐ", "atvslđ an toàn vệ sinh lao động" },
        { "CĐCS và LĐLĐ", "cđcs công đoàn cơ sở và lđlđ liên đoàn lao động" },
        // number words become digits only where a number is meant
        { "đợt một", "đợt 1" },
        { "dot hai bat dau", "dot 2 bat dau" },
        { "nội dung thứ năm", "nội dung thứ 5" },
        { "năm nội dung", "5 nội dung" },
        { "năm 2021 có mấy đợt", "năm 2021 có mấy đợt" },
        { "đại hội lần thứ X", "đại hội lần thứ 10" },
        { "đợt sau", "đợt 2" },
        { "bắt đầu từ tháng mấy", "bắt đầu từ tháng mấy" }, // "từ" (from) typed with its tone is not "tư" (four)
        { "tu thang 1", "4 thang 1" }, // typed bare it may be either: the number wins before "tháng" as before
        { "đợt môt", "đợt 1" }, // marks without the tone: a slip of "một"
        { "cách mạng tháng tám", "cách mạng tháng 8" }, // a month by its name, as "tháng 8" is typed
        { "phó ct tổng liên đoàn", "phó chủ tịch tổng liên đoàn" }, // "ct" next to an office is "chủ tịch"
        // digits glued to a word, leading zeros
        { "dot1", "dot 1" },
        { "cụm 5tp", "cụm 5 tp thành phố" },
        { "giá 500k", "giá 500k" },
        // a document's number is one word too ("TW" in it does not name the national plan); a date is not a number
        { "Chỉ thị 05-CT/TW", "chỉ thị 5 cttw" },
        { "số 13/PĐTD-LĐLĐ", "số 13 pdtdldld" },
        { "chi thi 05 ct tw", "chi thi 5 cttw" }, // typed with spaces on a phone
        { "cụm 5 tp", "cụm 5 tp thành phố" }, // one group of letters is a word, not a code
        { "ngày 2/9/1945", "ngày 2 9 1945" },
        { "năm 2020 - Công đoàn", "năm 2020 công đoàn" }, // a one-letter unit stays with its number ("k" alone would be "không")
        { "từ 01/7/2021", "từ 1 7 2021" },
        // spelling variants and phone shorthand
        { "ai kí kế hoạch", "ai ký kế hoạch" },
        { "ko có j", "không có gì" },
        { "kq cx ms có trc tg đó", "kết quả cũng mới có trước thời gian" }, // "đó" at the end is a filler
        { "cb đv", "cb cán bộ đv đoàn viên" },
        // politeness is dropped; "ban" in "ban hành" is not "bạn"
        { "cho em hỏi ban hành ngày nào ạ", "ban hành ngày nào" },
        // paraphrases: the end of a when-question, a meeting as members name it
        { "đến khi nào thì hết", "đến khi nào kết thúc" },
        { "buổi sơ kết giữa năm", "hội nghị sơ kết 6 tháng đầu năm" },
    };

    [Theory]
    [MemberData(nameof(Normalized))]
    public void NormalizerRewritesHowMembersTypeIntoTheIndexWords(string text, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(text).Text);

    [Theory]
    [InlineData("kế hoạch của Quảng Trị", "quang-tri-2021")]
    [InlineData("lai chau diem 6", "lai-chau-2020-2025")]
    [InlineData("TLĐ phát động gì", "tld-2021")]
    public void NormalizerNotesWhichPlanAQuestionNames(string text, string plan) =>
        Assert.Equal([plan], Normalizer.Normalize(text).Plans);

    [Fact]
    public void AQuestionNamingNoPlanNamesNone() => Assert.Empty(Normalizer.Normalize("đợt 2 bắt đầu khi nào").Plans);
}
