using Bot.Content;

namespace Bot.Tests.Content;

public class TextsFillTests
{
    private static readonly Texts Texts = new(new Dictionary<string, Localized>
    {
        ["t.line"] = new() { Vi = "{unit} — {status} ({date})", En = "{unit} — {status} ({date})" },
        ["t.report"] = new() { Vi = "{name}: {reason}", En = "{name}: {reason}" },
    });

    [Fact]
    public void AValueThatLooksLikeATemplateIsShownAsTyped()
    {
        var text = Texts.Get("vi", "t.line", ("unit", "Tổ {status} {date}"), ("status", "Đã duyệt"), ("date", "01/07/2021"));
        Assert.Equal("Tổ {status} {date} — Đã duyệt (01/07/2021)", text);
    }

    [Fact]
    public void AValueIsEscapedOnceAndAnHtmlPieceNotAtAll()
    {
        var text = Texts.Get("vi", "t.report", [("reason", "Forbidden: {name} <b>")], ("name", "<i>Tổ 1</i>"));
        Assert.Equal("<i>Tổ 1</i>: Forbidden: {name} &lt;b&gt;", text);
    }

    [Fact]
    public void PlaceholdersWithoutAValueStayAndAValueCanFillSeveralPlaces()
    {
        Assert.Equal("a {b} a", Texts.Fill("{a} {b} {a}", ("a", "a")));
        Assert.Equal("{x}", Texts.FillPlain("{y}", ("y", "{x}")));
    }
}
