using System.Net;
using Bot.Builder.Testing;
using Bot.Tests.Pledges;

namespace Bot.Tests.Operations;

/// <summary>The Prometheus endpoint: off unless asked for; after a few turns it shows the bot's counters, with no personal labels.</summary>
public sealed class MetricsTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task MetricsAreOffByDefault()
    {
        await using var bot = await TestBot.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(HealthTests.Address(bot.Services), "/metrics"))).StatusCode);
    }

    [Fact]
    public async Task AfterAFewTurnsTheEndpointShowsTurnsAnswersPledgesAndSends()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Operations:Metrics"] = "true" });
        var member = bot.Flow(userId: "metrics-member", userName: "Trần Thị Mai");
        await member.Send("/dot").AssertReply("Hôm nay");
        await member.Send("ai ký kế hoạch thi đua 2021").AssertReply("Nguyễn Đình Khang");
        await member.Send("/dangky Trần Thị Mai, tổ phó tổ Hàn, LĐTT").Contains("Kiểm tra lại").Press("Xác nhận").Contains("Đã lưu");

        var text = await Http.GetStringAsync(new Uri(HealthTests.Address(bot.Services), "/metrics"));

        Assert.Matches(@"bot_turns_total\{[^}]*channel=""test""[^}]*kind=""command""[^}]*\} [1-9]", text);
        Assert.Matches(@"bot_turns_total\{[^}]*kind=""text""[^}]*\} [1-9]", text);
        Assert.Contains("bot_turn_duration_seconds_bucket{", text);
        Assert.Matches(@"bot_faq_questions_total\{[^}]*outcome=""answered""[^}]*\} [1-9]", text);
        Assert.Matches(@"bot_pledges_total\{[^}]*action=""registered""[^}]*channel=""test""[^}]*\} [1-9]", text);
        Assert.Matches(@"bot_messages_sent_total\{[^}]*channel=""test""[^}]*\} [1-9]", text);
        Assert.DoesNotContain("metrics-member", text);
        Assert.DoesNotContain("Trần", text);
    }
}
