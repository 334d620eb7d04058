using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class GroupPledgeTests
{
    private sealed class TelegramLikeLinks : IDeepLinks
    {
        public string? PrivateChatLink(string channel, string payload) => $"https://t.me/test_bot?start={payload}";
    }

    [Fact]
    public async Task ACompleteQuickRegistrationIsConfirmedInTheGroupOnlyByItsOwner()
    {
        await using var bot = await TestBot.StartAsync();
        var an = bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group);
        var binh = bot.Flow("u2", "Trần Thị Bình", chatId: "g1", chatKind: ChatKind.Group);
        await an.Send("/dangky Nguyễn Văn An, Công nhân, Tổ Cơ khí, LĐTT")
            .AssertReply(r => r.Text.Contains("Nguyễn Văn An") && r.Text.Contains("Lao động tiên tiến") && !r.Text.Contains("Tổ Cơ khí") && !r.Text.Contains("Công nhân")
                              && r.Reply.ReplyToMessageId?.StartsWith("u1-m1-", StringComparison.Ordinal) == true, "a group-safe summary replying to the member");

        await binh.Press("Xác nhận").AssertNoReply();
        Assert.Contains(bot.Connector.ButtonAnswers, a => a.Activity.UserId == "u2" && a.Text == "Nút này dành cho người khác.");
        Assert.Empty(bot.Pledges().All());

        await an.Press("Xác nhận").AssertReply(r => r.Text.Contains("Đã ghi nhận") && r.Text.Contains("Nguyễn Văn An") && !r.Text.Contains("Tổ Cơ khí"), "a group-safe confirmation");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Tổ Cơ khí", "u1"), (pledge.Unit, pledge.PrivateChatId));
    }

    [Fact]
    public async Task AnIncompleteQuickRegistrationContinuesInThePrivateChatWithWhatWasTyped()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/dangky CSTĐCS sáng kiến: Cải tiến quy trình đóng gói")
            .AssertReply(r => r.Text.Contains("tin nhắn riêng") && r.Text.Contains("/dangky") && !r.Text.Contains("Cải tiến"), "directions to the private chat");
        await bot.Flow("u1").Send("/dangky").Contains("Họ và tên")
            .Send("Nguyễn Văn An").Drain(bot).Send("Kỹ sư").Drain(bot).Send("Tổ Cơ khí").Contains("lĩnh vực")
            .Send("1").Contains("Kiểm tra lại", "Chiến sĩ thi đua cơ sở", "Cải tiến quy trình đóng gói")
            .Send("ok").Contains("Đã lưu");
    }

    [Fact]
    public async Task TheGuidedFormInAGroupOpensThePrivateChatThroughADeepLinkNamingThePlan()
    {
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton<IDeepLinks>(new TelegramLikeLinks()));
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/dangky")
            .AssertReply(r => r.Reply.Buttons.Any(b => b.Url == "https://t.me/test_bot?start=pledge_tld-2021"), "a button opening the private chat");
        await bot.Flow("u1").Send("/start pledge_tld-2021").Contains("Họ và tên");
    }

    [Fact]
    public async Task MyPledgesInAGroupPointsToThePrivateChatWithoutListingAnything()
    {
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton<IDeepLinks>(new TelegramLikeLinks()));
        var inPrivate = bot.Flow("u1");
        await inPrivate.RegisterLdtt();
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/cuatoi")
            .AssertReply(r => r.Text.Contains("tin nhắn riêng") && !r.Text.Contains("Lao động tiên tiến") && r.Reply.Buttons.Any(b => b.Url!.EndsWith("start=mypledges", StringComparison.Ordinal)), "no list in the group");
        await inPrivate.Send("/start mypledges").Contains("Đăng ký thi đua của bạn", "Lao động tiên tiến");
    }
}
