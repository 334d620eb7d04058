using Bot.Audience;
using Bot.Broadcasts.Audience;
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
        await bot.Flow(Officer).Send("/thongbao Họp lúc 14:00").AssertReply("Gửi tới ai?").Press(audience)
            .AssertReply("Xem trước").AssertReply("Họp lúc 14:00").AssertReply($"tới {expected.Length} người nhận")
            .Press("✅ Gửi").AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");

        Assert.Equal(expected.Order().ToArray(), bot.Store().RowsOf(1).Select(r => r.ChatId).Order().ToArray());
        foreach (var chat in new[] { "g1", "g2", "m1", "m2", "m3" })
            Assert.Equal(expected.Contains(chat) ? 1 : 0, bot.Connector.To(chat).Count(r => r.Text.Contains("Họp lúc 14:00")));
    }

    [Fact]
    public async Task UnreachableChatsAndGroupsTheBotLeftAreNotInTheAudience()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3, groups: 2);
        var chats = bot.Services.GetRequiredService<ChatDirectory>();
        chats.MarkUnreachable("test", "m2", "Forbidden: bot was blocked by the user");
        chats.Seen(new Activity { Channel = "test", ChatId = "g2", ChatKind = ChatKind.Group, UserId = "m1", Kind = ActivityKind.BotRemoved });

        await bot.Flow(Officer).Send("/thongbao Họp").AssertReply(r => r.Reply.Buttons.Any(b => b.Label == "Tất cả: 1 nhóm và 3 thành viên"), "m2 and g2 left out");
    }

    [Fact]
    public async Task NarrowingToOnePlansMembersReachesOnlyThem()
    {
        var filter = new FakeAudienceFilter { Members = { ["tld-2021"] = ["test:m1", "test:m3"] } };
        await using var bot = await StartAsync(services: s => s.AddSingleton<IAudienceFilter>(filter));
        bot.Seed(members: 3, groups: 1);
        await bot.Flow(Officer).Send("/thongbao Họp").AssertReply("Gửi tới ai?")
            .Press("Thành viên đã đăng ký một kế hoạch")
            .AssertReply("Thành viên đã đăng ký kế hoạch nào?")
            .Press("Kế hoạch phát động phong trào thi đua trong đoàn viên, công nhân, viên chức, lao động và các cấp công đoàn năm 2021")
            .AssertReply("Xem trước").AssertReply("Họp").AssertReply("tới 2 người nhận (0 nhóm, 2 thành viên)")
            .Press("✅ Gửi").AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        Assert.Equal(["m1", "m3"], bot.Store().RowsOf(1).Select(r => r.ChatId).Order().ToArray());
        Assert.Equal("tld-2021", bot.Store().Find(1)!.Audience.PlanId);
    }

    [Fact]
    public async Task NarrowingToOneUnitOffersTheUnitsFromThePledges()
    {
        var filter = new FakeAudienceFilter { Units = { ["Tổ Cơ khí"] = ["test:m2"], ["Phòng Kế toán"] = ["test:m1"] } };
        await using var bot = await StartAsync(services: s => s.AddSingleton<IAudienceFilter>(filter));
        bot.Seed(members: 3);
        await bot.Flow(Officer).Send("/thongbao Họp").AssertReply("Gửi tới ai?")
            .Press("Thành viên của một đơn vị")
            .AssertReply(r => r.Text.Contains("đơn vị nào?") && r.Reply.Buttons.Count == 2, "the units")
            .Press("Tổ Cơ khí")
            .AssertReply("Xem trước").AssertReply("Họp").AssertReply("tới 1 người nhận (0 nhóm, 1 thành viên)");
    }

    [Fact]
    public async Task WithoutPledgeDataOnlyGroupsAndMembersAreOffered()
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
        await bot.Flow("m2").Send("/ngonngu en").AssertReply("Switched to English");
        await bot.BroadcastAsync("Họp lúc 14:00");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        Assert.Contains("Thông báo của Công đoàn", bot.Connector.To("m1").Single().Text);
        Assert.Contains("Announcement from the union", bot.Connector.To("m2").Last().Text);
    }
}

internal sealed class FakeAudienceFilter : IAudienceFilter
{
    public Dictionary<string, HashSet<string>> Members { get; } = [];
    public Dictionary<string, HashSet<string>> Units { get; } = [];
    public bool Available => true;
    IReadOnlyList<string> IAudienceFilter.Units() => [.. Units.Keys];

    public IReadOnlySet<string> PrivateChats(string? planId, string? unit) =>
        planId is not null ? Members.GetValueOrDefault(planId) ?? [] : Units.GetValueOrDefault(unit ?? "") ?? [];
}
