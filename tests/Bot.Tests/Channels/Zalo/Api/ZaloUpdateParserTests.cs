using System.Text.Json;
using Bot.Channels.Zalo.Api;
using Bot.Tests.Channels.Zalo.Fakes;

namespace Bot.Tests.Channels.Zalo.Api;

public class ZaloUpdateParserTests
{
    private static ZaloUpdate ParseSingle(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Assert.Single(ZaloUpdateParser.Parse(doc.RootElement));
    }

    [Fact]
    public void TheDocumentedEnvelopeIsReadWithStringIdsAndMillisecondDates()
    {
        var u = ParseSingle(ZaloFixtures.Load("text-private.json").ToJsonString());
        Assert.Equal(ZaloUpdate.Text, u.EventName);
        Assert.Equal("6ede9afa66b88fe6d6a9", u.Message.ChatId);
        Assert.Equal("6ede9afa66b88fe6d6a9", u.Message.FromId);
        Assert.Equal("Ted", u.Message.FromName);
        Assert.False(u.Message.IsGroup);
        Assert.Equal("2d758cb5e222177a4e35", u.Message.MessageId);
        Assert.Equal("Xin chào", u.Message.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1750316131602), u.Message.Date);
    }

    [Fact]
    public void ABareEventWithFirstNameAndNoEventNameIsRead()
    {
        var u = ParseSingle(ZaloFixtures.Load("text-first-name-no-event.json").ToJsonString());
        Assert.Null(u.EventName);
        Assert.Equal("Lan", u.Message.FromName);
        Assert.Equal("/dot", u.Message.Text);
    }

    [Fact]
    public void NumericIdsTheNameFieldAndSecondsAreTolerated()
    {
        var u = ParseSingle("""
            {"event_name":"message.text.received","message":{"from":{"id":123456,"name":"Bình"},"chat":{"id":123456},
             "text":"hi","message_id":987,"date":1750316131}}
            """);
        Assert.Equal("123456", u.Message.ChatId);
        Assert.Equal("987", u.Message.MessageId);
        Assert.Equal("Bình", u.Message.FromName);
        Assert.False(u.Message.IsGroup);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750316131), u.Message.Date);
    }

    [Fact]
    public void AGroupChatIsRecognisedByChatTypeOrByAChatIdThatIsNotTheSenders()
    {
        Assert.True(ParseSingle(ZaloFixtures.Load("text-group.json").ToJsonString()).Message.IsGroup);
        Assert.True(ParseSingle("""{"message":{"from":{"id":"a"},"chat":{"id":"g"},"text":"x"}}""").Message.IsGroup);
    }

    [Theory]
    [InlineData("""{"ok":true,"result":{}}""")]
    [InlineData("""{"ok":false,"error_code":408,"description":"Request timeout"}""")]
    [InlineData("""{"message":{"text":"no chat, no sender"}}""")]
    [InlineData("""[1, "x", null]""")]
    public void BodiesWithoutAUsableMessageYieldNothing(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Empty(ZaloUpdateParser.Parse(doc.RootElement));
    }
}
