using Bot.Audience;
using Bot.Pledges;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class AudienceTests
{
    [Theory]
    [InlineData("Chỉ các nhóm (2)", new[] { "g1", "g2" })]
    [InlineData("Chỉ thành viên nhắn riêng (4)", new[] { "m1", "m2", "m3", Officer })]
    [InlineData("Tất cả: 2 nhóm và 4 thành viên", new[] { "g1", "g2", "m1", "m2", "m3", Officer })]
    public async Task TheChosenAudienceAndOnlyItReceivesTheAnnouncement(string audience, string[] expected)
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3, groups: 2);
        await bot.Flow(Officer).Send("/thongbao Họp lúc 14:00").AssertReply(TestBot.Text("broadcast.pick-audience")).Press(audience)
            .AssertReply("Xem trước").AssertReply("Họp lúc 14:00").AssertReply($"tới {expected.Length} người nhận")
            .Press("✅ Gửi").AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");

        Assert.Equal(expected.Order().ToArray(), (await bot.Store().RowsOfAsync(1)).Select(r => r.ChatId).Order().ToArray());
        foreach (var chat in new[] { "g1", "g2", "m1", "m2", "m3" })
            Assert.Equal(expected.Contains(chat) ? 1 : 0, bot.Connector.To(chat).Count(r => r.Text.Contains("Họp lúc 14:00")));
    }

    [Fact]
    public async Task UnreachableChatsAndGroupsTheBotLeftAreNotInTheAudience()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3, groups: 2);
        var chats = bot.Services.GetRequiredService<IChatDirectory>();
        chats.MarkUnreachable("test", "m2", "Forbidden: bot was blocked by the user");
        chats.Seen(new Activity { Channel = "test", ChatId = "g2", ChatKind = ChatKind.Group, UserId = "m1", Kind = ActivityKind.BotRemoved });

        await bot.Flow(Officer).Send("/thongbao Họp").AssertReply(r => r.Reply.Buttons.Any(b => b.Label == "Tất cả: 1 nhóm và 3 thành viên"), "m2 and g2 left out");
    }

    [Fact]
    public async Task NarrowingToOnePlansMembersReachesOnlyTheMembersWhoRegisteredForIt()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3, groups: 1);
        bot.Pledge("m1", "tld-2021", "Tổ Cơ khí");
        bot.Pledge("m2", "quang-tri-2021", "Tổ Cơ khí");
        bot.Pledge("m3", "tld-2021", "Phòng Kế toán", PledgeStatus.Withdrawn);
        await bot.Flow(Officer).Send("/thongbao Họp").AssertReply(TestBot.Text("broadcast.pick-audience"))
            .Press("Thành viên đã đăng ký một kế hoạch")
            .AssertReply("Thành viên đã đăng ký kế hoạch nào?")
            .Press("Kế hoạch phát động phong trào thi đua trong đoàn viên, công nhân, viên chức, lao động và các cấp công đoàn năm 2021")
            .AssertReply("Xem trước").AssertReply("Họp").AssertReply("tới 1 người nhận (0 nhóm, 1 thành viên)")
            .Press("✅ Gửi").AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        Assert.Equal(["m1"], (await bot.Store().RowsOfAsync(1)).Select(r => r.ChatId).ToArray());
        Assert.Equal("tld-2021", (await bot.Store().FindAsync(1))!.Audience.PlanId);
    }

    [Fact]
    public async Task NarrowingToOneUnitOffersTheUnitsNamedInPledges()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3);
        bot.Pledge("m1", "tld-2021", "Tổ Cơ khí");
        bot.Pledge("m2", "quang-tri-2021", "tổ cơ khí");
        bot.Pledge("m3", "tld-2021", "Phòng Kế toán");
        await bot.Flow(Officer).Send("/thongbao Họp").AssertReply(TestBot.Text("broadcast.pick-audience"))
            .Press("Thành viên của một đơn vị")
            .AssertReply(r => r.Text.Contains("đơn vị nào?") && r.Reply.Buttons.Select(b => b.Label).SequenceEqual(["Tổ Cơ khí", "Phòng Kế toán"]), "the units, most common first")
            .Press("Tổ Cơ khí")
            .AssertReply("Xem trước").AssertReply("Họp").AssertReply("tới 2 người nhận (0 nhóm, 2 thành viên)");
    }

    [Fact]
    public async Task BeforeAnyoneRegisteredOnlyGroupsAndMembersAreOffered()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        await bot.Flow(Officer).Send("/thongbao Họp")
            .AssertReply(r => r.Reply.Buttons.Count == 3 && !r.Reply.Buttons.Any(b => b.Label.Contains("đơn vị")), "three audiences");
    }

    [Fact]
    public async Task MembersGetTheLanguageTheyChose()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2);
        await bot.Flow("m2").Send("/ngonngu en").AssertReply(TestBot.TextIn("en", "core.language-set"));
        await bot.BroadcastAsync("Họp lúc 14:00");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        Assert.Contains("Thông báo của Công đoàn", bot.Connector.To("m1").Single().Text);
        Assert.Contains("Announcement from the union", bot.Connector.To("m2").Last().Text);
    }
}
