using Bot.Builder.Activities;

namespace Bot.Builder.Tests.Activities;

public class TextFormatTests
{
    [Fact]
    public void LongTextIsSplitAtParagraphBoundariesUnderTheLimit()
    {
        var paragraph = new string('a', 1500);
        var text = string.Join("\n\n", paragraph, paragraph, paragraph);
        var parts = TextFormat.Split(text, 4096);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
    }

    [Fact]
    public void TextWithoutBreaksIsStillCutUnderTheLimit()
    {
        var parts = TextFormat.Split(new string('x', 4500), 2000);
        Assert.Equal([2000, 2000, 500], parts.Select(p => p.Length));
    }

    [Fact]
    public void EscapingKeepsVietnameseLettersAndNeutralisesMarkup() =>
        Assert.Equal("&lt;b&gt;Nguyễn &amp; Bình&lt;/b&gt;", TextFormat.Escape("<b>Nguyễn & Bình</b>"));

    [Fact]
    public void AHardCutNeverSplitsAnEmoji()
    {
        var text = new string('x', 1999) + "😀" + new string('y', 100);
        var parts = TextFormat.Split(text, 2000);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void PlainTextDropsTagsAndDecodesEntities() =>
        Assert.Equal("<b> & An", TextFormat.ToPlain("<b>&lt;b&gt; &amp; An</b>"));

    [Fact]
    public void ChoicesBecomeNumberedLinesWhereButtonsDoNotExist()
    {
        var reply = new Reply { Text = "Chọn:", Choices = [new("a", "Một"), new("b", "Hai")] };
        var adapted = Delivery.Adapt(new ChannelCapabilities { Buttons = false }, reply);
        Assert.Equal("Chọn:\n1. Một\n2. Hai", Assert.Single(adapted).Text);
    }

    [Fact]
    public void ButtonDataFitsTelegramsSixtyFourBytesEvenForLongUserIds()
    {
        var data = ButtonData.Format(new string('9', 40), "abcdef", 12);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(data) <= 64);
        var parsed = ButtonData.Parse(data)!;
        Assert.True(parsed.IsOwnedBy(new string('9', 40)));
        Assert.False(parsed.IsOwnedBy("123"));
        Assert.Equal(12, parsed.Index);
    }
}
