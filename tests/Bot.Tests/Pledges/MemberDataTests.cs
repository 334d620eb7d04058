using Bot.Audience;
using Bot.Builder.State;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class MemberDataTests
{
    [Fact]
    public async Task MyPledgesListsStatusAndWithdrawsAfterConfirmation()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("/cuatoi").Contains("chưa có đăng ký");
        await flow.RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await flow.Send("/cuatoi").Contains("Đăng ký thi đua của bạn", $"#{id}", "Lao động tiên tiến", "Chờ duyệt", "24/11/2026")
            .Press($"Rút đăng ký #{id}").Contains("Rút đăng ký", "không xét")
            .Press("Có, rút đăng ký").Contains("Đã rút");
        Assert.Equal(PledgeStatus.Withdrawn, bot.Pledges().Find(id)!.Status);
        await flow.Send("/cuatoi").Contains("Đã rút")
            .Send($"/cuatoi rut {id} xacnhan").Contains("đã được rút trước đó");

        // Registering again revives the same record as a new submission.
        await flow.Send("/dangky LĐTT").Contains("Kiểm tra lại").Press("Xác nhận").Contains("Đã cập nhật", "Chờ duyệt");
        Assert.Equal((id, PledgeStatus.Submitted), (Assert.Single(bot.Pledges().All()).Id, bot.Pledges().Find(id)!.Status));
    }

    [Fact]
    public async Task AMemberCannotWithdrawSomeoneElsesPledge()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await bot.Flow("u2", "Trần Thị Bình").Send($"/cuatoi rut {id} xacnhan").Contains("không tìm thấy");
        Assert.Equal(PledgeStatus.Submitted, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task DeleteMyDataRemovesPledgesStateAndChatRecordButOnlyAfterConfirmation()
    {
        await using var bot = await TestBot.StartAsync();
        var store = bot.Services.GetRequiredService<IStateStore>();
        var chats = bot.Services.GetRequiredService<IChatDirectory>();
        var mine = bot.Flow("u1");
        await mine.RegisterLdtt();
        await mine.Send("/ngonngu en").Contains("English");
        // A quick registration left unconfirmed in a group: a form in the member state there, a draft in the user state.
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/dangky ĐVCĐXS").Contains("registers for");
        await bot.Flow("u2", "Trần Thị Bình").RegisterLdtt("Trần Thị Bình");
        string[] keys = ["test/user/u1", "test/chat/u1/member/u1", "test/chat/g1/member/u1"];
        foreach (var key in keys) Assert.NotNull(await store.ReadAsync(key));

        await mine.Send("/xoadulieu").Contains("1 pledges")
            .Press("Do not delete").Contains("Nothing was deleted");
        Assert.Equal(2, bot.Pledges().All().Count);

        await mine.Send("/xoadulieu").Contains("Delete everything")
            .Press("Delete my data").Contains("Your data is deleted", "1 pledges");
        Assert.Equal("u2", Assert.Single(bot.Pledges().All()).UserId);
        foreach (var key in keys) Assert.Null(await store.ReadAsync(key));
        Assert.Null(chats.Find("test", "u1"));
        Assert.NotNull(chats.Find("test", "u2"));
        Assert.NotNull(await store.ReadAsync("test/chat/u2/member/u2"));
    }

    [Fact]
    public async Task DeleteMyDataInAGroupIsRefusedThere()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/xoadulieu xacnhan").Contains("tin nhắn riêng");
        Assert.Single(bot.Pledges().All());
    }
}
