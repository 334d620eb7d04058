using Bot.Builder.Testing;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class OfficerPledgeTests
{
    private static async Task<(TestFlow An, TestFlow Binh)> TwoMembersAsync(TestBot bot)
    {
        var an = bot.Flow("u1");
        var binh = bot.Flow("u2", "Trần Thị Bình");
        await an.RegisterLdtt();
        await binh.Send("/dangky Trần Thị Bình, Kỹ sư, Tổ Điện, CSTĐCS, sáng kiến: Tiết kiệm điện năng, lĩnh vực: Kỹ thuật").Contains("Kiểm tra lại")
            .Press("Xác nhận").Contains("Đã lưu");
        return (an, binh);
    }

    [Theory]
    [InlineData("/danhsach")]
    [InlineData("/xuat")]
    [InlineData("/danhsach duyet 1")]
    [InlineData("/pledges")]
    public async Task AMemberAskingForAnOfficerCommandIsPolitelyRefused(string command)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        await bot.Flow("u2").Send(command).Contains(TestBot.Text("core.officer-only"));
        Assert.Equal(PledgeStatus.Submitted, Assert.Single(bot.Pledges().All()).Status);
    }

    [Fact]
    public async Task TheListCountsByStatusTitleAndUnitAndShowsTheLatest()
    {
        await using var bot = await TestBot.StartAsync();
        await TwoMembersAsync(bot);
        await bot.Flow("officer").Send("/danhsach").Contains("Đăng ký thi đua", "Đang có hiệu lực: 2", "Theo trạng thái", "Chờ duyệt: 2",
            "Lao động tiên tiến: 1", "Chiến sĩ thi đua cơ sở: 1", "Tổ Cơ khí: 1", "Tổ Điện: 1", "Mới nhất", "Trần Thị Bình · Tổ Điện");
    }

    [Fact]
    public async Task ApprovingTellsTheMemberInTheirPrivateChat()
    {
        await using var bot = await TestBot.StartAsync();
        var (an, _) = await TwoMembersAsync(bot);
        var id = bot.Pledges().All().Single(p => p.UserId == "u1").Id;
        await bot.Flow("officer").Send("/danhsach").Drain(bot)
            .Press($"Xem #{id} Nguyễn Văn An").Contains($"Đăng ký #{id}", "Nguyễn Văn An", "Công nhân", "Tổ Cơ khí")
            .Press("Duyệt").Contains("Đã duyệt", "Đã báo cho đoàn viên");
        await an.Contains("đã được cán bộ công đoàn duyệt", "Lao động tiên tiến");
        var pledge = bot.Pledges().Find(id)!;
        Assert.Equal((PledgeStatus.Approved, "test:officer", TestBot.DefaultNow), (pledge.Status, pledge.ReviewedBy, pledge.ReviewedAt));
    }

    [Fact]
    public async Task ReturningAsksTheReasonTellsTheMemberAndTheirCorrectionIsResubmitted()
    {
        await using var bot = await TestBot.StartAsync();
        var (an, _) = await TwoMembersAsync(bot);
        var id = bot.Pledges().All().Single(p => p.UserId == "u1").Id;
        await bot.Flow("officer").Send($"/danhsach {id}").Drain(bot)
            .Press("Trả lại").Contains("Lý do trả lại")
            .Send("ok").Contains("từ 3 đến 300")
            .Send("Thiếu chức vụ cụ thể").Contains("Đã trả lại", "Thiếu chức vụ cụ thể", "Đã báo");
        await an.Contains("được trả lại", "Lý do: Thiếu chức vụ cụ thể", "/cuatoi", $"Sửa #{id}")
            .Send("/cuatoi").Contains("Trả lại", "Lý do trả lại: Thiếu chức vụ cụ thể")
            .Press($"Sửa #{id}").Contains("Kiểm tra lại")
            .Press("Sửa").Drain(bot).Press("Chức vụ").Drain(bot).Send("Công nhân bậc 5").Contains("Kiểm tra lại")
            .Press("Xác nhận").Contains("Đã cập nhật", "Đã gửi lại");
        Assert.Equal(PledgeStatus.Resubmitted, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task AReasonCanBeGivenInTheCommandAndAWithdrawnPledgeCannotBeReviewed()
    {
        await using var bot = await TestBot.StartAsync();
        var (an, _) = await TwoMembersAsync(bot);
        var id = bot.Pledges().All().Single(p => p.UserId == "u1").Id;
        var officer = bot.Flow("officer");
        await officer.Send($"/danhsach tralai {id} Bổ sung tên tổ công đoàn").Contains("Đã trả lại", "Bổ sung tên tổ công đoàn");
        await an.Contains("Bổ sung tên tổ công đoàn").Send($"/cuatoi rut {id} xacnhan").Contains("Đã rút");
        await officer.Send($"/danhsach duyet {id}").Contains("đã được đoàn viên rút")
            .Send("/danhsach duyet 999").Contains("Không có đăng ký #999");
        Assert.Equal(PledgeStatus.Withdrawn, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task AnOfficerIsToldWhenTheMemberCouldNotBeReached()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/dangky Nguyễn Văn An, Công nhân, Tổ Cơ khí, LĐTT").Drain(bot).Press("Xác nhận").Contains("Đã ghi nhận");
        var pledge = Assert.Single(bot.Pledges().All());
        pledge.Channel = "zalo"; // a channel that is not running here
        bot.Pledges().Save(pledge);
        await bot.Flow("officer").Send($"/danhsach duyet {pledge.Id}").Contains("Đã duyệt", "Chưa báo được");
    }

    [Fact]
    public async Task TheExportIsFilterableByUnitAndAnUnknownPlanOrUnitIsExplained()
    {
        await using var bot = await TestBot.StartAsync();
        await TwoMembersAsync(bot);
        var officer = bot.Flow("officer");
        await officer.Send("/xuat tld-2021 đơn vị: to dien").AssertReply(r => r.Reply.File is not null && r.Text.Contains("1 người") && r.Text.Contains("to dien"), "one row")
            .Send("/xuat đơn vị: Tổ Hàn").Contains("Không có đăng ký nào khớp")
            .Send("/xuat ke hoach khong co").Contains("Cách dùng");
    }

    [Fact]
    public async Task OfficerListsAreNotShownInAGroup()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        await bot.Flow("officer", chatId: "g1", chatKind: ChatKind.Group).Send("/danhsach").AssertReply(r => r.Text.Contains("tin nhắn riêng") && !r.Text.Contains("Nguyễn Văn An"), "no list")
            .Send("/xuat").AssertReply(r => r.Reply.File is null && r.Text.Contains("tin nhắn riêng"), "no file");
    }
}
