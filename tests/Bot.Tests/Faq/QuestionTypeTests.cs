using Bot.Faq;

namespace Bot.Tests.Faq;

public class QuestionTypeTests
{
    [Theory]
    [InlineData("đợt 2 có mấy nội dung", QuestionType.HowMany)]
    [InlineData("dot 2 co may noi dung", QuestionType.HowMany)]                 // typed bare: "may" may be "mấy"
    [InlineData("lai châu có đẩy việc dùng máy tính vào cơ quan không", QuestionType.Other)] // "máy" is a machine, not "mấy"
    [InlineData("lai châu có đẩy việc dùng may tính vào cơ quan không", QuestionType.HowMany)] // one bare word keeps its folded reading
    [InlineData("đợt 2 bắt đầu khi nào", QuestionType.When)]
    [InlineData("ai ký kế hoạch", QuestionType.Person)]
    [InlineData("when does phase 2 start", QuestionType.When)]
    public void AQuestionsTypeComesFromItsQuestionWordsAsTyped(string question, QuestionType expected) =>
        Assert.Equal(expected, FaqTestContent.Engine.Sentences.TypeOf(question));
}
