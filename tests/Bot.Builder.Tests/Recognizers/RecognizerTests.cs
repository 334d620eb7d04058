using Bot.Builder.Activities;
using Bot.Builder.Recognizers;

namespace Bot.Builder.Tests.Recognizers;

public class RecognizerTests
{
    [Theory]
    [InlineData("Đăng Ký", "dang ky")]
    [InlineData("ĐOÀN VIÊN", "doan vien")]
    [InlineData("  chủ   đề  ", "chu de")]
    [InlineData("Lao động tiên tiến", "lao dong tien tien")]
    [InlineData("Quảng Trị", "quang tri")]
    [InlineData("Chu\u0309 đê\u0300", "chu de")] // decomposed: letter + combining marks
    public void FoldRemovesDiacriticsIncludingDStroke(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("từ", true)]
    [InlineData("Sáu", true)]
    [InlineData("tu\u0300", true)] // decomposed: letter + combining grave
    [InlineData("tư", false)]
    [InlineData("môt", false)] // vowel marks without the tone
    [InlineData("đơn", false)]
    [InlineData("sau", false)]
    public void ATextHasAToneOnlyWhenOneOfTheFiveToneMarksIsOnIt(string input, bool expected) =>
        Assert.Equal(expected, VietnameseText.HasTone(input));

    [Theory]
    [InlineData("có", true)]
    [InlineData("co", true)]
    [InlineData("Ừ", true)]
    [InlineData("vâng", true)]
    [InlineData("Đúng rồi", true)]
    [InlineData("ok", true)]
    [InlineData("yes", true)]
    [InlineData("đồng ý", true)]
    [InlineData("không", false)]
    [InlineData("khong", false)]
    [InlineData("ko", false)]
    [InlineData("sai", false)]
    [InlineData("no", false)]
    [InlineData("không phải", false)]
    [InlineData("không đồng ý", false)]
    [InlineData("trời hôm nay đẹp quá nhỉ các bạn ơi", null)]
    [InlineData("Lao động tiên tiến", null)]
    [InlineData("", null)]
    public void ConfirmUnderstandsVietnameseYesAndNo(string input, bool? expected) =>
        Assert.Equal(expected, ConfirmRecognizer.Recognize(input));

    public static TheoryData<string, string?> ChoiceCases => new()
    {
        { "1", "ldtt" },
        { "2", "cstdcs" },
        { "số 3", "dvxs" },
        { "Lao động tiên tiến", "ldtt" },
        { "lao dong tien tien", "ldtt" },
        { "LĐTT", "ldtt" },
        { "ldtt", "ldtt" },
        { "cstdcs", "cstdcs" },
        { "chiến sĩ", "cstdcs" },
        { "Đoàn viên", "dvxs" },
        { "tôi chọn lao động tiên tiến", "ldtt" },
        { "7", null },
        { "đợt 2", null },
        { "chọn 2", "cstdcs" },
        { "xyz", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(ChoiceCases))]
    public void ChoiceAcceptsNumberLabelSynonymOrPrefix(string input, string? expected)
    {
        Choice[] choices =
        [
            new("ldtt", "Lao động tiên tiến") { Synonyms = ["LĐTT"] },
            new("cstdcs", "Chiến sĩ thi đua cơ sở") { Synonyms = ["CSTĐCS"] },
            new("dvxs", "Đoàn viên công đoàn xuất sắc"),
        ];
        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, choices)?.Value);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("số 3", 3)]
    [InlineData("một", 1)]
    [InlineData("hai", 2)]
    [InlineData("đợt một", 1)]
    [InlineData("mười", 10)]
    [InlineData("abc", null)]
    [InlineData("năm nay đẹp trời lắm", null)]
    public void NumberReadsDigitsAndVietnameseWords(string input, int? expected) =>
        Assert.Equal(expected, NumberRecognizer.Recognize(input));

    [Theory]
    [InlineData("30/6", 2021, 6, 30)]
    [InlineData("30/6/2021", 2021, 6, 30)]
    [InlineData("1-7-2021", 2021, 7, 1)]
    [InlineData("ngày 30 tháng 6", 2021, 6, 30)]
    [InlineData("ngay 30 thang 6 nam 2022", 2022, 6, 30)]
    [InlineData("hôm nay", 2021, 3, 15)]
    [InlineData("mai", 2021, 3, 16)]
    [InlineData("ngày mai", 2021, 3, 16)]
    [InlineData("hôm qua", 2021, 3, 14)]
    public void DateReadsVietnameseShapes(string input, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateRecognizer.Recognize(input, new DateOnly(2021, 3, 15)));

    [Theory]
    [InlineData("31/2")]
    [InlineData("32/1/2021")]
    [InlineData("ngày mốt kia nữa")]
    [InlineData("hello")]
    public void DateRejectsImpossibleOrUnknownInput(string input) =>
        Assert.Null(DateRecognizer.Recognize(input, new DateOnly(2021, 3, 15)));

    [Theory]
    [InlineData("huỷ", Interruption.Cancel)]
    [InlineData("Hủy", Interruption.Cancel)]
    [InlineData("/cancel", Interruption.Cancel)]
    [InlineData("/huy@UnionBot", Interruption.Cancel)]
    [InlineData("trợ giúp", Interruption.Help)]
    [InlineData("/help", Interruption.Help)]
    [InlineData("quay lại", Interruption.Back)]
    [InlineData("quay lai", Interruption.Back)]
    [InlineData("/back", Interruption.Back)]
    [InlineData("Nguyễn Văn Huy", null)]
    [InlineData("huỷ hợp đồng là gì", null)]
    public void InterruptionsAreRecognisedOnlyAsTheWholeMessage(string input, Interruption? expected) =>
        Assert.Equal(expected, InterruptionRecognizer.Recognize(input));

    [Theory]
    [InlineData("Dùng MÁY tính, mạng?", "dùng máy tính mạng")]
    [InlineData("Đợt 2.1: thi\u0301 đua", "đợt 2 1 thi đua")]   // a combining mark is dropped, as Fold drops it
    public void MarkedWordsAreTheFoldedWordsWithTheirMarksKept(string input, string expected)
    {
        Assert.Equal(expected, string.Join(' ', VietnameseText.MarkedWords(input)));
        Assert.Equal(VietnameseText.Words(input), VietnameseText.MarkedWords(input).Select(VietnameseText.Fold));
    }
}
