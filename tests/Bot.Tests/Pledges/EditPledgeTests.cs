using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class EditPledgeTests
{
    [Fact]
    public async Task AMemberEditsOneFieldOfAPendingPledgeFromMyPledges()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await flow.Send("/cuatoi").Contains($"#{id}", "Chờ duyệt")
            .Press($"Sửa #{id}").Contains("Kiểm tra lại", "Không có gì thay đổi")
            .Press("Sửa").AssertReply(r => r.Text.Contains("sửa mục nào") && !r.Reply.Buttons.Any(b => b.Label == "Kế hoạch"), "the fields, without the plan")
            .Press("Đơn vị").Contains("tổ công đoàn").Send("Tổ Điện").Contains("• Đơn vị: Tổ Cơ khí → Tổ Điện")
            .Press("Xác nhận").Contains("Đã cập nhật", "Chờ duyệt");
        var pledge = bot.Pledges().Find(id)!;
        Assert.Equal(("Tổ Điện", "ldtt", PledgeStatus.Submitted, 2L), (pledge.Unit, pledge.TitleId, pledge.Status, pledge.Version));
    }

    [Fact]
    public async Task AReturnedPledgeIsCorrectedAndResubmitted()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await bot.Flow("officer").Send($"/danhsach tralai {id} Thiếu tên tổ cụ thể").Contains("Đã trả lại");
        await flow.Drain(bot).Send($"/cuatoi sua {id}").Contains("Kiểm tra lại")
            .Press("Sửa").Contains("sửa mục nào").Press("Đơn vị").Contains("tổ công đoàn").Send("Tổ Cơ khí số 2").Contains("Tổ Cơ khí → Tổ Cơ khí số 2")
            .Press("Xác nhận").Contains("Đã cập nhật", "Đã gửi lại");
        Assert.Equal(PledgeStatus.Resubmitted, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task AnApprovedPledgeCannotBeEditedWithoutTheOfficerAndSaysSo()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await bot.Flow("officer").Send($"/danhsach duyet {id}").Contains("Đã duyệt");
        await flow.Drain(bot).Send("/cuatoi").AssertReply(r => r.Text.Contains("Đã duyệt") && !r.Reply.Buttons.Any(b => b.Label.StartsWith("Sửa", StringComparison.Ordinal)), "no edit button")
            .Send($"/cuatoi sua {id}").Contains("đã được cán bộ công đoàn duyệt", "liên hệ cán bộ công đoàn");
        var pledge = bot.Pledges().Find(id)!;
        Assert.Equal((PledgeStatus.Approved, 2L), (pledge.Status, pledge.Version));
    }

    [Fact]
    public async Task NobodyEditsSomeoneElsesPledgeAndAWithdrawnOneIsNotEdited()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await bot.Flow("u2", "Trần Thị Bình").Send($"/cuatoi sua {id}").Contains("không tìm thấy");
        await bot.Flow("u1").Drain(bot).Send($"/cuatoi rut {id} xacnhan").Contains("Đã rút")
            .Send($"/cuatoi sua {id}").Contains("đã được rút", "/dangky");
    }

    [Fact]
    public async Task InEnglishTheEditButtonAndTheApprovedAnswerAreEnglish()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.RegisterLdtt();
        var id = Assert.Single(bot.Pledges().All()).Id;
        await flow.Send("/ngonngu en").Contains("English")
            .Send("/mypledges").Contains("Your pledges").Press($"Edit no. {id}").Contains("Please check your registration", "Nothing changes");
        await bot.Flow("officer").Send($"/danhsach duyet {id}").Contains("Đã duyệt");
        await flow.Drain(bot).Send($"/mypledges edit {id}").Contains("has been approved", "ask the union officer");
    }
}
