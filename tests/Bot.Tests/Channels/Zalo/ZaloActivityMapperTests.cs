using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Channels.Zalo;
using Bot.Channels.Zalo.Api;
using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Channels.Zalo;

public class ZaloActivityMapperTests
{
    private static readonly string[] Names = [FakeZaloApi.BotDisplayName, "bot.VDKyGxQvc"];

    private static Activity? Map(JsonObject e)
    {
        using var doc = JsonDocument.Parse(e.ToJsonString());
        var identity = new ZaloBotIdentity(Options.Create(new ZaloOptions { BotName = FakeZaloApi.BotDisplayName }));
        return new ZaloActivityMapper(identity, new FakeTimeProvider()).ToActivity(Assert.Single(ZaloUpdateParser.Parse(doc.RootElement)));
    }

    [Theory]
    [InlineData("@Trợ lý Thi đua /dot", "/dot")]
    [InlineData("@trợ lý thi đua   /phongtrao tld-2021", "/phongtrao tld-2021")]
    [InlineData("@Trợ lý Thi đua, chủ đề năm nay là gì?", "chủ đề năm nay là gì?")]
    [InlineData("cho hỏi @Trợ lý Thi đua hạn đăng ký", "cho hỏi hạn đăng ký")]
    [InlineData("@bot.VDKyGxQvc /trogiup", "/trogiup")]
    [InlineData("@Tên Khác Của Bot /dot", "/dot")]
    [InlineData("/dot@bot.VDKyGxQvc", "/dot")]
    [InlineData("2", "2")]
    public void TheBotsMentionIsRemovedSoCommandsAndQuestionsWorkInGroups(string text, string expected) =>
        Assert.Equal(expected, ZaloActivityMapper.StripMention(text, Names));

    [Fact]
    public void AGroupMessageIsAddressedToTheBotAndRepliesGoToTheGroup()
    {
        var a = Map(ZaloFixtures.Load("text-group.json"))!;
        Assert.Equal(ChatKind.Group, a.ChatKind);
        Assert.Equal("a1b2c3d4e5f6a7b8c9d0", a.ChatId);
        Assert.Equal("6ede9afa66b88fe6d6a9", a.UserId);
        Assert.True(a.IsReplyToBot);
        Assert.Equal("dot", a.Command);
    }

    [Fact]
    public void APrivateMessageKeepsItsTextIdsNameAndTime()
    {
        var a = Map(ZaloFixtures.Load("text-private.json"))!;
        Assert.Equal(("zalo", ChatKind.Private, "Ted", "Xin chào", "2d758cb5e222177a4e35"), (a.Channel, a.ChatKind, a.UserName, a.Text, a.MessageId));
        Assert.False(a.IsReplyToBot);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1750316131602), a.Timestamp);
    }

    [Theory]
    [InlineData("image.json")]
    [InlineData("sticker.json")]
    [InlineData("unsupported.json")]
    public void PicturesStickersAndUnreadableMessagesAreUnsupported(string fixture) =>
        Assert.Equal(ActivityKind.Unsupported, Map(ZaloFixtures.Load(fixture))!.Kind);

    [Fact]
    public void APictureWithACaptionIsReadAsText()
    {
        var a = Map(ZaloFixtures.From("image.json", change: m => m["caption"] = "/dot"))!;
        Assert.Equal((ActivityKind.Message, "/dot"), (a.Kind, a.Text));
    }

    [Fact]
    public void MessagesFromBotsAreNotAnswered() =>
        Assert.Null(Map(ZaloFixtures.From("text-private.json", change: m => m["from"]!["is_bot"] = true)));

    [Fact]
    public void WithoutAMessageIdTheSameEventAlwaysGetsTheSameId()
    {
        JsonObject Event() => ZaloFixtures.From("text-private.json", change: m => m.Remove("message_id"));
        var first = Map(Event())!.MessageId;
        Assert.NotNull(first);
        Assert.Equal(first, Map(Event())!.MessageId);
        Assert.NotEqual(first, Map(ZaloFixtures.From("text-private.json", change: m => { m.Remove("message_id"); m["text"] = "khác"; }))!.MessageId);
    }
}
