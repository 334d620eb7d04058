using Bot.Builder.Testing;
using Bot.Pledges;
using MiniExcelLibs;

namespace Bot.Tests.Pledges;

/// <summary>/xuat: the registration list as offices file it, read back cell by cell.</summary>
public class PledgeExportTests
{
    private const string List = "Đăng ký thi đua";
    private const string Tallies = "Tổng hợp";

    /// <summary>A pledge with every field filled, as the guided form stores it.</summary>
    private static Pledge Full(TestBot bot, string user, string name, string unit, string title = "cstd-co-so", PledgeStatus status = PledgeStatus.Approved) =>
        bot.Pledges().Save(new Pledge
        {
            Channel = "test", UserId = user, PrivateChatId = user, PlanId = "tld-2021", FullName = name, Position = "Kỹ sư", Unit = unit,
            Movements = ["ldg-ldst", "xsd-atvsld"], TitleId = title, CommendationId = "bang-khen", Initiative = "Tiết kiệm điện năng",
            InitiativeField = "Kỹ thuật, công nghệ", Commitment = "Hoàn thành 110% kế hoạch", Status = status,
            CreatedAt = TestBot.DefaultNow.AddDays(-2), UpdatedAt = TestBot.DefaultNow.AddDays(-1),
        });

    [Fact]
    public async Task TheListHasATitleBlockABoldHeaderAndEveryFieldOfEachPledge()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        Full(bot, "u2", "Trần Thị Bình", "Tổ Điện & Nước");
        var officer = bot.Flow("officer");
        await officer.Send("/xuat tld-2021").AssertReply(r => r.Reply.File is not null && r.Text.Contains("2 người"), "an .xlsx file");
        var file = officer.Last!.Reply.File!;
        Assert.Equal("dang-ky-thi-dua_tld-2021_tat-ca-don-vi_20261124-090000.xlsx", file.FileName);

        var xlsx = new XlsxFile(file.Content);
        Assert.Equal([List, Tallies], xlsx.SheetNames);
        Assert.Equal("Tổng Liên đoàn Lao động Việt Nam (Đoàn Chủ tịch)", xlsx[List, "A1"]);
        Assert.Equal("DANH SÁCH ĐĂNG KÝ THI ĐUA", xlsx[List, "A2"]);
        Assert.Equal("Kế hoạch: Kế hoạch phát động phong trào thi đua trong đoàn viên, công nhân, viên chức, lao động và các cấp công đoàn năm 2021", xlsx[List, "A3"]);
        Assert.Equal("Đơn vị: tất cả đơn vị", xlsx[List, "A4"]);
        Assert.Equal("Ngày xuất: 24/11/2026 09:00", xlsx[List, "A5"]);
        Assert.True(xlsx.IsBold(List, "A1") && xlsx.IsBold(List, "A2"), "the issuer and the list title are bold");
        Assert.False(xlsx.IsBold(List, "A3"));

        Assert.Equal(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Kế hoạch", "Phong trào tham gia", "Danh hiệu đăng ký", "Hình thức khen thưởng",
            "Tên sáng kiến", "Lĩnh vực sáng kiến", "Cam kết", "Ngày đăng ký", "Trạng thái"], xlsx.Row(List, PledgeSheet.HeaderRow));
        Assert.All("ABCDEFGHIJKLM", c => Assert.True(xlsx.IsBold(List, $"{c}{PledgeSheet.HeaderRow}"), $"header cell {c} is bold"));
        Assert.False(xlsx.IsBold(List, "B8"), "pledge rows are not bold");
        // Sorted by registration date: Bình registered two days before An.

        const string plan = "Kế hoạch phát động phong trào thi đua trong đoàn viên, công nhân, viên chức, lao động và các cấp công đoàn năm 2021";
        Assert.Equal(["2", "Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", plan, "", "Lao động tiên tiến", "", "", "", "", "24/11/2026", "Chờ duyệt"], xlsx.Row(List, 9));
        Assert.Equal(["1", "Trần Thị Bình", "Kỹ sư", "Tổ Điện & Nước", plan,
            "Lao động giỏi, Lao động sáng tạo; Xanh, Sạch, Đẹp, Bảo đảm an toàn vệ sinh lao động", "Chiến sĩ thi đua cơ sở", "Bằng khen",
            "Tiết kiệm điện năng", "Kỹ thuật, công nghệ", "Hoàn thành 110% kế hoạch", "22/11/2026", "Đã duyệt"], xlsx.Row(List, 8));

        // Another reader sees the same Vietnamese text.
        using var stream = new MemoryStream(file.Content);
        var read = stream.Query(useHeaderRow: false, sheetName: List).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Trần Thị Bình", read[7]["B"]);
    }

    [Fact]
    public async Task TheTalliesSheetCountsEachUnitByTitleWithTotals()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        Full(bot, "u2", "Trần Thị Bình", "Tổ Điện");
        Full(bot, "u3", "Lê Văn Cường", "tổ điện", title: "ldtt");
        Full(bot, "u4", "Phạm Thị Dung", "Tổ Điện", status: PledgeStatus.Withdrawn);
        var officer = bot.Flow("officer");
        await officer.Send("/xuat").AssertReply(r => r.Reply.File is not null && r.Text.Contains("3 người"), "an .xlsx file");
        var xlsx = new XlsxFile(officer.Last!.Reply.File!.Content);

        Assert.Equal(["STT", "Đơn vị", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cấp tỉnh/bộ",
            "Chiến sĩ thi đua toàn quốc", "Đoàn viên công đoàn xuất sắc", "Tổng"], xlsx.Row(Tallies, 1));
        Assert.Equal(["1", "Tổ Cơ khí", "1", "0", "0", "0", "0", "1"], xlsx.Row(Tallies, 2));
        Assert.Equal(["2", "Tổ Điện", "1", "1", "0", "0", "0", "2"], xlsx.Row(Tallies, 3));
        Assert.Equal(["", "Tổng cộng", "2", "1", "0", "0", "0", "3"], xlsx.Row(Tallies, 4));
        Assert.Equal(4, xlsx.LastRow(Tallies));
        Assert.True(xlsx.IsBold(Tallies, "B1") && xlsx.IsBold(Tallies, "H4"), "header and total rows are bold");
        Assert.False(xlsx.IsBold(Tallies, "B2"));
    }

    [Fact]
    public async Task TwoExportsInTheSameSecondAreTwoFilesNamedByTheUnit()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pledge-export-{Guid.NewGuid():N}");
        try
        {
            await using var bot = await TestBot.StartAsync(
                new Dictionary<string, string?> { ["Pledges:ExportFolder"] = folder },
                capabilities: new ChannelCapabilities { Buttons = true, Files = false });
            await bot.Flow("u1").RegisterLdtt();
            Full(bot, "u2", "Trần Thị Bình", "Tổ Điện");
            var officer = bot.Flow("officer");
            await officer.Send("/xuat đơn vị: to dien").Contains("không gửi được tệp", "1 người", "tat-ca-ke-hoach_to-dien_20261124-090000.xlsx")
                .Send("/xuat đơn vị: to dien").Contains("tat-ca-ke-hoach_to-dien_20261124-090000-2.xlsx");
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["dang-ky-thi-dua_tat-ca-ke-hoach_to-dien_20261124-090000-2.xlsx", "dang-ky-thi-dua_tat-ca-ke-hoach_to-dien_20261124-090000.xlsx"], files);
            foreach (var path in Directory.GetFiles(folder))
            {
                var xlsx = new XlsxFile(File.ReadAllBytes(path));
                Assert.Equal("Đơn vị: Tổ Điện", xlsx[List, "A4"]);
                Assert.Equal("Kế hoạch: tất cả kế hoạch", xlsx[List, "A3"]);
                Assert.Equal("Trần Thị Bình", xlsx[List, "B8"]);
                Assert.Equal(8, xlsx.LastRow(List));
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnEnglishSpeakingOfficerGetsTheListInEnglish()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow("u1").RegisterLdtt();
        var officer = bot.Flow("officer", language: "en");
        await officer.Send("/export").AssertReply(r => r.Reply.File is not null, "an .xlsx file");
        var file = officer.Last!.Reply.File!;
        Assert.Equal("pledges_all-plans_all-units_20261124-090000.xlsx", file.FileName);
        var xlsx = new XlsxFile(file.Content);
        Assert.Equal(["Pledges", "Tallies"], xlsx.SheetNames);
        Assert.Equal("Vietnam General Confederation of Labour (Presidium)", xlsx["Pledges", "A1"]);
        Assert.Equal("Unit: all units", xlsx["Pledges", "A4"]);
        Assert.Equal("Full name", xlsx["Pledges", $"B{PledgeSheet.HeaderRow}"]);
        Assert.Equal("Nguyễn Văn An", xlsx["Pledges", "B8"]);
    }

    [Theory]
    [InlineData("Phòng Kế toán – Tài chính (P.KT/TC)", "phong-ke-toan-tai-chinh-p-kt-tc")]
    [InlineData("Đội Bảo dưỡng, sửa chữa thiết bị điện và đường dây trung thế số 2", "doi-bao-duong-sua-chua-thiet-bi-dien-va")]
    [InlineData("<script>", "script")]
    [InlineData("…", "x")]
    public async Task AFileNameHoldsTheUnitInPlainLettersAndStaysShort(string unit, string part)
    {
        await using var bot = await TestBot.StartAsync();
        var name = bot.Services.GetRequiredService<ExportFileName>().For("vi", new ExportScope(null, unit, [], TestBot.DefaultNow));
        Assert.Equal($"dang-ky-thi-dua_tat-ca-ke-hoach_{part}_20261124-090000.xlsx", name);
    }
}
