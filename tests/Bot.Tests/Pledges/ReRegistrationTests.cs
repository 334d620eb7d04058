using Bot.Builder.Testing;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class ReRegistrationTests
{
    private const string Commitment = "Hoàn thành vượt mức kế hoạch sản xuất";

    /// <summary>The guided form with every optional answer given: movements 1 and 2, LĐTT, Giấy khen, a commitment.</summary>
    private static TestFlow RegisterFully(TestFlow flow) =>
        flow.Send("/dangky").Contains("Họ và tên")
            .Send("Nguyễn Văn An").Contains("Chức vụ")
            .Send("Tổ trưởng").Contains("tổ công đoàn")
            .Send("Tổ Cơ khí").Contains("phong trào")
            .Send("1, 2").Contains("danh hiệu")
            .Send("LĐTT").Contains("khen thưởng")
            .Send("Giấy khen").Contains("cam kết")
            .Send(Commitment).Contains("Kiểm tra lại")
            .Press("Xác nhận").Contains("Đã lưu");

    [Fact]
    public async Task AQuickReRegistrationAfterAFullGuidedPledgeKeepsEveryDetailItDoesNotChangeAndShowsOldToNew()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await RegisterFully(flow);
        var before = Assert.Single(bot.Pledges().All());
        Assert.Equal(2, before.Movements.Count);

        await flow.Send("/dangky ĐVCĐXS")
            .AssertReply(r => r.Text.Contains("Giấy khen") && r.Text.Contains(Commitment) && r.Text.Contains("Lao động giỏi")
                              && r.Text.Contains("Những thay đổi (cũ → mới)")
                              && r.Text.Contains("• Danh hiệu đăng ký: Lao động tiên tiến → Đoàn viên công đoàn xuất sắc")
                              && !r.Text.Contains("Giấy khen →") && !r.Text.Contains("• Cam kết"),
                "the kept details and exactly the one change, old → new")
            .Press("Xác nhận").Contains("Đã cập nhật");

        var after = Assert.Single(bot.Pledges().All());
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("dvcd-xuat-sac", after.TitleId);
        Assert.Equal(before.Movements, after.Movements);
        Assert.Equal(("giay-khen", Commitment, "Tổ trưởng", "Tổ Cơ khí"), (after.CommendationId, after.Commitment, after.Position, after.Unit));
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task AnEditedFieldShowsItsOldAndNewValueAndTheRestIsKept()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await RegisterFully(flow);
        await flow.Send("/dangky LĐTT").Contains("Không có gì thay đổi")
            .Press("Sửa").Drain(bot).Press("Cam kết").Drain(bot).Send("Không để xảy ra tai nạn lao động")
            .Contains($"• Cam kết: {Commitment} → Không để xảy ra tai nạn lao động")
            .Press("Xác nhận").Contains("Đã cập nhật");
        var pledge = Assert.Single(bot.Pledges().All());
        Assert.Equal(("Không để xảy ra tai nạn lao động", "giay-khen", 2), (pledge.Commitment, pledge.CommendationId, pledge.Movements.Count));
    }

    [Fact]
    public async Task ConfirmingARegistrationThatChangesNothingKeepsThePledgeAsItIs()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        var before = Assert.Single(bot.Pledges().All());
        await flow.Send("/dangky LĐTT").Contains("Không có gì thay đổi").Press("Xác nhận").Contains("không có gì thay đổi", "giữ nguyên");
        var after = Assert.Single(bot.Pledges().All());
        Assert.Equal((before.Version, before.UpdatedAt, PledgeStatus.Submitted), (after.Version, after.UpdatedAt, after.Status));
    }

    [Fact]
    public async Task AnApprovedPledgeIsNotChangedByRegisteringAgainAndTheMemberIsToldToAskTheOfficer()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await bot.Flow("officer").Send($"/danhsach duyet {id}").Contains("Đã duyệt");
        await flow.Drain(bot).Send("/dangky ĐVCĐXS").Contains("đã được cán bộ công đoàn duyệt", "liên hệ cán bộ công đoàn");
        var pledge = bot.Pledges().Find(id)!;
        Assert.Equal((PledgeStatus.Approved, "ldtt"), (pledge.Status, pledge.TitleId));
    }
}
