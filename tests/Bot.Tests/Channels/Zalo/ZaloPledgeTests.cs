using Bot.Pledges;
using Bot.Tests.Channels.Zalo.Fakes;

namespace Bot.Tests.Channels.Zalo;

/// <summary>The pledge form on Zalo through the fake Bot API: every button becomes a numbered line answered by number or label.</summary>
public class ZaloPledgeTests
{
    private const string Bot = "@" + FakeZaloApi.BotDisplayName;

    private static async Task<string> Say(ZaloBot zalo, string text, string userId = "u1", string? chatId = null, bool group = false)
    {
        var replies = await zalo.SayAsync(text, userId, chatId, group);
        Assert.All(replies, r => Assert.InRange(r.Length, 1, 2000));
        return string.Join("\n", replies);
    }

    [Fact]
    public async Task TheGuidedFormIsFilledInWithNumbersAndSavedForTheZaloMember()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        Assert.Contains("Họ và tên", await Say(zalo, "/dangky"));
        Assert.Contains("Chức vụ", await Say(zalo, "Nguyễn Văn An"));
        Assert.Contains("tổ công đoàn", await Say(zalo, "Công nhân"));
        var movements = await Say(zalo, "Tổ Cơ khí");
        Assert.Contains("phong trào", movements);
        Assert.Contains("\n1. Lao động giỏi, Lao động sáng tạo", movements);
        var titles = await Say(zalo, "1, 3");
        Assert.Contains("danh hiệu", titles);
        Assert.Contains("\n2. Chiến sĩ thi đua cơ sở", titles);
        Assert.Contains("sáng kiến", await Say(zalo, "2"));
        Assert.Contains("lĩnh vực", await Say(zalo, "Cải tiến quy trình đóng gói"));
        Assert.Contains("khen thưởng", await Say(zalo, "1"));
        Assert.Contains("cam kết", await Say(zalo, "Bằng khen"));
        var summary = await Say(zalo, "Hoàn thành vượt mức kế hoạch");
        Assert.Contains("Kiểm tra lại", summary);
        Assert.Contains("\n1. Xác nhận", summary);
        Assert.DoesNotContain("<b>", summary);
        Assert.Empty(zalo.Pledges().All());

        Assert.Contains("Đã lưu", await Say(zalo, "1"));
        var pledge = Assert.Single(zalo.Pledges().All());
        Assert.Equal(("Nguyễn Văn An", "Tổ Cơ khí", "cstd-co-so", "bang-khen"), (pledge.FullName, pledge.Unit, pledge.TitleId, pledge.CommendationId));
        Assert.Equal(["ldg-ldst", "xsd-atvsld"], pledge.Movements);
        Assert.Equal(("zalo", "u1", "u1", PledgeStatus.Submitted), (pledge.Channel, pledge.UserId, pledge.PrivateChatId, pledge.Status));

        Assert.Contains("Chiến sĩ thi đua cơ sở", await Say(zalo, "/cuatoi"));
    }

    [Fact]
    public async Task AQuickRegistrationInAGroupIsConfirmedByTypingTheNumber()
    {
        const string group = "g-zalo";
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var summary = await Say(zalo, $"{Bot} /dangky Nguyễn Văn An, Công nhân, Tổ Cơ khí, LĐTT", chatId: group, group: true);
        Assert.Contains("Lao động tiên tiến", summary);
        Assert.DoesNotContain("Tổ Cơ khí", summary);
        Assert.Contains("\n1. Xác nhận", summary);
        Assert.Contains("Đã ghi nhận", await Say(zalo, $"{Bot} 1", chatId: group, group: true));
        Assert.Equal("Tổ Cơ khí", Assert.Single(zalo.Pledges().All()).Unit);
    }

    [Fact]
    public async Task TheGuidedFormAskedForInAGroupPointsToThePrivateChat()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var reply = await Say(zalo, $"{Bot} /dangky", chatId: "g-zalo", group: true);
        Assert.Contains("tin nhắn riêng", reply);
        Assert.Contains("/dangky", reply);
        Assert.Contains("Họ và tên", await Say(zalo, "/dangky"));
    }
}

internal static class ZaloPledgeKit
{
    public static Bot.Tests.Pledges.PledgeTestStore Pledges(this ZaloBot zalo) => new(zalo.Bot.Services.GetRequiredService<IPledgeStore>());
}
