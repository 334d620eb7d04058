namespace Bot.Faq;

/// <summary>What a question asks for, by its question words (dialogs/faq/question-types.yaml).</summary>
public enum QuestionType { Other, When, HowMany, Who, Where, Day, Person }

/// <summary>dialogs/faq/question-types.yaml: the words that make a question a "when", "how many", "who" or "where" one.</summary>
public sealed class QuestionTypesFile
{
    public List<string> When { get; set; } = [];
    public List<string> HowMany { get; set; } = [];
    public List<string> Who { get; set; } = [];
    public List<string> Where { get; set; } = [];

    /// <summary>A "when" question that asks for a day ("ngày nào", "hôm nào"): a year alone does not answer it.</summary>
    public List<string> Day { get; set; } = [];

    /// <summary>A "who" question about what a person does ("ai ký", "ai phát biểu"): an organisation does not answer it.</summary>
    public List<string> Person { get; set; } = [];

    /// <summary>"X là ai", "ai là X", "who is X": who holds an office, answered only by a text naming a person there.</summary>
    public List<string> Identity { get; set; } = [];

    /// <summary>Words a question about the office itself is not made of ("vậy", "the", "hiện nay"...).</summary>
    public List<string> IdentityFillers { get; set; } = [];

    /// <summary>Question words after the asked thing: "phiên chợ gì", "giai đoạn nào".</summary>
    public List<string> Focus { get; set; } = [];

    /// <summary>Question words before the asked thing: "ai đọc báo cáo", "what social programmes".</summary>
    public List<string> FocusAfter { get; set; } = [];

    /// <summary>Words before a number that counts what is asked about ("có 4 chữ gì").</summary>
    public List<string> CountLeads { get; set; } = [];

    /// <summary>What a sentence holding each kind of fact looks like, beside its digits (see the file).</summary>
    public FactWords Facts { get; set; } = new();

    /// <summary>A question about a member's own emulation affairs that nothing answers: the honest answer, not a refusal.</summary>
    public UnansweredWords Unanswered { get; set; } = new();
}

public sealed class UnansweredWords
{
    /// <summary>The entry that says the documents do not say, and points to the grassroots union.</summary>
    public string Entry { get; set; } = "";

    /// <summary>Words of a member's own affairs: registering, titles, awards, criteria, money.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Words that make the text a question (a command or an order is not one).</summary>
    public List<string> Asks { get; set; } = [];

    /// <summary>Words of a "how do I" question ("thế nào", "làm sao"): a procedure the plans do not describe.</summary>
    public List<string> HowTo { get; set; } = [];

    /// <summary>
    /// The affairs a member does themselves (registering, founding a union, forms, dues): asked "how" about one of these,
    /// a passage that only names it does not answer. "Khen thưởng cần đổi mới thế nào" asks what the documents say.
    /// </summary>
    public List<string> Procedures { get; set; } = [];
}

public sealed class FactWords
{
    /// <summary>Followed by a number, a date: "ngày 20", "tháng 7", "July 2020".</summary>
    public List<string> DateWords { get; set; } = [];

    /// <summary>A date in words, anywhere: "từ nay".</summary>
    public List<string> DatePhrases { get; set; } = [];

    public List<string> CountWords { get; set; } = [];

    /// <summary>Followed by a word, a place: "tại Hà Nội".</summary>
    public List<string> PlaceWords { get; set; } = [];

    /// <summary>Followed by a number, a day: "ngày 26", "April 9" (not "năm 2020").</summary>
    public List<string> DayWords { get; set; } = [];

    /// <summary>Capitalised and followed by a capitalised word, a person's name: "Nguyễn Đình Khang".</summary>
    public List<string> FamilyNames { get; set; } = [];

    /// <summary>Who did it without a person's name: a byline "Nhóm PV" (a group of reporters) answers "ai viết".</summary>
    public List<string> PersonPhrases { get; set; } = [];
}
