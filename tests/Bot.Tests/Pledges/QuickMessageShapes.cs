namespace Bot.Tests.Pledges;

/// <summary>Quick registrations as members type them: message → name, position, unit, title, commendation ("" = not given).</summary>
public static class QuickMessageShapes
{
    public static TheoryData<string, string, string, string, string, string> All => new()
    {
        // the documented shape, and its separators
        { "Nguyễn Văn An, Tổ Cơ khí, Lao động tiên tiến", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An; CĐCS Công ty Điện lực; LĐTT", "Nguyễn Văn An", "", "CĐCS Công ty Điện lực", "ldtt", "" },
        { "Nguyễn Văn An | Tổ Cơ khí | LĐTT", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Trần Thị Bình - Phòng Kế toán - LĐTT", "Trần Thị Bình", "", "Phòng Kế toán", "ldtt", "" },
        { "Trần Thị Bình – Phòng Kế toán – LĐTT", "Trần Thị Bình", "", "Phòng Kế toán", "ldtt", "" },
        { "Trần Thị Bình\nPhòng Kế toán\nLĐTT", "Trần Thị Bình", "", "Phòng Kế toán", "ldtt", "" },
        { "Nguyễn Văn An Tổ Cơ khí LĐTT", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An. Tổ Cơ khí. LĐTT.", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        // lower case, upper case, no diacritics
        { "tran thi mai, to dien, ldtt", "Tran Thi Mai", "", "To Dien", "ldtt", "" },
        { "trần thị mai, tổ điện, lđtt", "Trần Thị Mai", "", "Tổ Điện", "ldtt", "" },
        { "TRẦN THỊ MAI, TỔ ĐIỆN, LĐTT", "Trần Thị Mai", "", "TỔ ĐIỆN", "ldtt", "" },
        { "nguyen van an to co khi lao dong tien tien", "Nguyen Van An", "", "To Co Khi", "ldtt", "" },
        { "ldtt nguyen van an to co khi", "Nguyen Van An", "", "To Co Khi", "ldtt", "" },
        { "LĐTT, nguyen van an", "Nguyen Van An", "", "", "ldtt", "" },
        { "lê văn cường phân xưởng 2 cstđ cơ sở", "Lê Văn Cường", "", "Phân Xưởng 2", "cstd-co-so", "" },
        { "pham thi dung phong ke toan dvcdxs", "Pham Thi Dung", "", "Phong Ke Toan", "dvcd-xuat-sac", "" },
        { "hoàng văn nam, tổ hàn, lao động tiên tiến", "Hoàng Văn Nam", "", "Tổ Hàn", "ldtt", "" },
        { "Vũ Thị Hạnh, tổ may 2, LĐTT", "Vũ Thị Hạnh", "", "Tổ May 2", "ldtt", "" },
        // the title anywhere, in every spelling
        { "LĐTT - Nguyễn Văn An - Tổ Cơ khí", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An, LĐTT, Tổ Cơ khí", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "lao dong tien tien: Tran Van Binh, to han", "Tran Van Binh", "", "To Han", "ldtt", "" },
        { "cstd co so, Đỗ Văn Tùng, Phòng Kỹ thuật", "Đỗ Văn Tùng", "", "Phòng Kỹ thuật", "cstd-co-so", "" },
        { "Chiến sỹ thi đua cơ sở - Bùi Thị Lan - Khoa Nội", "Bùi Thị Lan", "", "Khoa Nội", "cstd-co-so", "" },
        { "CSTĐCS Ngô Văn Hải tổ Lắp ráp", "Ngô Văn Hải", "", "Tổ Lắp ráp", "cstd-co-so", "" },
        { "Đoàn viên công đoàn xuất sắc, Dương Thị Hoa, Tổ Văn phòng", "Dương Thị Hoa", "", "Tổ Văn phòng", "dvcd-xuat-sac", "" },
        { "doan vien xuat sac - ly thi mai - to bep", "Ly Thi Mai", "", "To Bep", "dvcd-xuat-sac", "" },
        { "CSTĐ cấp tỉnh, Đặng Văn Long, Xí nghiệp 1", "Đặng Văn Long", "", "Xí nghiệp 1", "cstd-tinh-bo", "" },
        { "chiến sĩ thi đua toàn quốc, Phan Văn Đức, Nhà máy Nhiệt điện", "Phan Văn Đức", "", "Nhà máy Nhiệt điện", "cstd-toan-quoc", "" },
        // conversational wrappers
        { "Em là Trần Thị Mai ở tổ Điện, đăng ký LĐTT ạ", "Trần Thị Mai", "", "Tổ Điện", "ldtt", "" },
        { "Tôi tên Lê Văn Hùng, tổ Hàn, đăng ký lao động tiên tiến", "Lê Văn Hùng", "", "Tổ Hàn", "ldtt", "" },
        { "tôi là nguyễn thị thu, thuộc phòng tài vụ, đk lđtt nhé", "Nguyễn Thị Thu", "", "Phòng Tài Vụ", "ldtt", "" },
        { "Mình là Phạm Văn Toàn tổ cơ điện, đăng ký CSTĐCS nha", "Phạm Văn Toàn", "", "Tổ Cơ Điện", "cstd-co-so", "" },
        { "cho em đăng ký LĐTT: Hồ Thị Ngọc, tổ Đóng gói ạ", "Hồ Thị Ngọc", "", "Tổ Đóng gói", "ldtt", "" },
        { "đăng ký giúp em LĐTT: Trần Thị Mai, tổ Điện", "Trần Thị Mai", "", "Tổ Điện", "ldtt", "" },
        { "ad ơi đăng ký giúp em lao động tiên tiến, em là Võ Văn Tài tổ Sửa chữa, cảm ơn ad", "Võ Văn Tài", "", "Tổ Sửa chữa", "ldtt", "" },
        { "Dạ em tên là Huỳnh Thị Bích, làm ở phòng Hành chính, em đăng ký Lao động tiên tiến ạ", "Huỳnh Thị Bích", "", "Phòng Hành chính", "ldtt", "" },
        { "Chào ad, em Đinh Văn Khoa tổ Vận hành, đăng ký LĐTT năm 2021 nhé. Cảm ơn!", "Đinh Văn Khoa", "", "Tổ Vận hành", "ldtt", "" },
        { "Họ tên Trịnh Thị Lan, đơn vị tổ Kiểm tra, LĐTT", "Trịnh Thị Lan", "", "Tổ Kiểm tra", "ldtt", "" },
        { "tôi muốn đăng ký CSTĐ cơ sở, Lương Văn Sơn, tổ Cơ giới", "Lương Văn Sơn", "", "Tổ Cơ giới", "cstd-co-so", "" },
        // a position before the unit, or anywhere
        { "Hoàng Văn Nam, tổ phó tổ Hàn, LĐTT", "Hoàng Văn Nam", "Tổ phó", "Tổ Hàn", "ldtt", "" },
        { "Nguyễn Văn Bình tổ trưởng tổ May 2 LĐTT", "Nguyễn Văn Bình", "Tổ trưởng", "Tổ May 2", "ldtt", "" },
        { "Lê Thị Hoa, kế toán phòng Tài vụ, LĐTT", "Lê Thị Hoa", "Kế toán", "Phòng Tài vụ", "ldtt", "" },
        { "Kỹ sư, Nguyễn Văn An, Phân xưởng 2, LĐTT", "Nguyễn Văn An", "Kỹ sư", "Phân xưởng 2", "ldtt", "" },
        { "Tổ trưởng, Lê Văn Cường, Tổ Điện, CSTĐCS", "Lê Văn Cường", "Tổ trưởng", "Tổ Điện", "cstd-co-so", "" },
        { "Công nhân Nguyễn Văn An tổ Cơ khí LĐTT", "Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "ldtt", "" },
        { "nguyen van an, cong nhan, to co khi, ldtt", "Nguyen Van An", "Cong nhan", "To Co Khi", "ldtt", "" },
        { "Trần Văn Hải, tổ Hàn, tổ trưởng, LĐTT", "Trần Văn Hải", "Tổ trưởng", "Tổ Hàn", "ldtt", "" },
        { "Em là Mai Thị Thu, giáo viên trường Tiểu học Kim Đồng, đăng ký LĐTT", "Mai Thị Thu", "Giáo viên", "Trường Tiểu học Kim Đồng", "ldtt", "" },
        { "Điều dưỡng Cao Thị Yến khoa Nhi đăng ký lao động tiên tiến", "Cao Thị Yến", "Điều dưỡng", "Khoa Nhi", "ldtt", "" },
        { "đk lđtt: đào văn quang, trưởng ca, phân xưởng nghiền", "Đào Văn Quang", "Trưởng ca", "Phân Xưởng Nghiền", "ldtt", "" },
        // "ở / thuộc / tại" a unit
        { "Tạ Văn Lâm ở Cơ khí, LĐTT", "Tạ Văn Lâm", "", "Cơ khí", "ldtt", "" },
        { "Chu Thị Hằng thuộc Phòng Tổ chức, LĐTT", "Chu Thị Hằng", "", "Phòng Tổ chức", "ldtt", "" },
        { "Lâm Văn Phúc công tác tại Trạm bơm số 3, LĐTT", "Lâm Văn Phúc", "", "Trạm bơm số 3", "ldtt", "" },
        // trailing years, emoji and noise
        { "Nguyễn Văn An, Tổ Cơ khí, LĐTT 2021", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An, Tổ Cơ khí, LĐTT năm 2021", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An, Tổ Cơ khí, LĐTT 😊🙏", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An, Tổ Cơ khí 2021, LĐTT!!!", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "🙏 em Lò Văn Xuân, tổ Lâm nghiệp, lđtt ạ", "Lò Văn Xuân", "", "Tổ Lâm nghiệp", "ldtt", "" },
        { "Giàng A Páo, tổ Chăn nuôi, LĐTT", "Giàng A Páo", "", "Tổ Chăn nuôi", "ldtt", "" },
        { "Sùng Thị Mỷ - đội Bảo vệ rừng - ĐVCĐXS", "Sùng Thị Mỷ", "", "Đội Bảo vệ rừng", "dvcd-xuat-sac", "" },
        // commendations and the title alone
        { "LĐTT, giấy khen, Nguyễn Văn An, Tổ Cơ khí", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "giay-khen" },
        { "CSTĐCS bằng khen Trần Văn Hải tổ Hàn", "Trần Văn Hải", "", "Tổ Hàn", "cstd-co-so", "bang-khen" },
        { "LĐTT", "", "", "", "ldtt", "" },
        { "lao dong tien tien", "", "", "", "ldtt", "" },
        { "đăng ký thi đua danh hiệu LĐTT năm 2021 ạ", "", "", "", "ldtt", "" },
        // labels
        { "họ tên: Phạm Thị Dung, LĐTT", "Phạm Thị Dung", "", "", "ldtt", "" },
        { "LĐTT, chức vụ: Tổ trưởng, đơn vị: Tổ Cơ khí", "", "Tổ trưởng", "Tổ Cơ khí", "ldtt", "" },
        { "tên: tran thi mai; đơn vị: to dien; danh hiệu LĐTT", "Tran Thi Mai", "", "To Dien", "ldtt", "" },
        // abbreviations and details members add
        { "Nguyễn Văn An, P. Kế toán, LĐTT", "Nguyễn Văn An", "", "P. Kế toán", "ldtt", "" },
        { "Ma Văn Kháng, CN tổ Cơ khí, LĐTT", "Ma Văn Kháng", "CN", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Văn An, sinh năm 1985, tổ Cơ khí, LĐTT, SĐT 0912345678", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyễn Anh Tuấn (tổ Sao Mai) LĐTT", "Nguyễn Anh Tuấn", "", "Tổ Sao Mai", "ldtt", "" },
        { "LĐTT\nHọ tên: Nguyễn Văn An\nChức vụ: Công nhân\nĐơn vị: Tổ Cơ khí", "Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "ldtt", "" },
        { "Nguyen Van An, Mechanics team, Advanced Worker", "Nguyen Van An", "", "Mechanics team", "ldtt", "" },
        { "Chiến sĩ thi đua cấp cơ sở - Vương Văn Hậu - tổ trưởng công đoàn tổ Hàn", "Vương Văn Hậu", "Tổ trưởng công đoàn", "Tổ Hàn", "cstd-co-so", "" },
        { "ĐVCĐ xuất sắc, Lục Thị Dung, Ban Nữ công", "Lục Thị Dung", "", "Ban Nữ công", "dvcd-xuat-sac", "" },
        // a spaced dash inside a unit: plain words after it continue the unit; a position, name or title does not
        { "Đào Thị Mến, phòng Kế hoạch - Vật tư, LĐTT", "Đào Thị Mến", "", "Phòng Kế hoạch - Vật tư", "ldtt", "" },
        { "Hứa Văn Tín - tổ Bảo trì - cơ điện - LĐTT", "Hứa Văn Tín", "", "Tổ Bảo trì - cơ điện", "ldtt", "" },
        { "dinh van tu - ban tai chinh - ke toan - ldtt", "Dinh Van Tu", "Ke toan", "Ban Tai Chinh", "ldtt", "" },
        { "Kiều Văn Đạt, phòng Kế hoạch - Quản lý dự án, LĐTT", "Kiều Văn Đạt", "", "Phòng Kế hoạch - Quản lý dự án", "ldtt", "" },
        { "Tổ Cơ khí - Thanh Tâm - LĐTT", "Thanh Tâm", "", "Tổ Cơ khí", "ldtt", "" },
        { "Phòng Vật tư - cảm ơn ad nhiều - Quách Thị Huệ - LĐTT", "Quách Thị Huệ", "", "Phòng Vật tư", "ldtt", "" },
        // "anh", "em"… are dropped at the start and in wrappers, kept as the last word of a name or unit
        { "phan thi ngoc anh, to dien, ldtt", "Phan Thi Ngoc Anh", "", "To Dien", "ldtt", "" },
        { "Đỗ Minh Hòa, tổ Tiếng Anh ạ, CSTĐCS", "Đỗ Minh Hòa", "", "Tổ Tiếng Anh", "cstd-co-so", "" },
        { "anh là Trần Văn Lợi, cho anh đăng ký LĐTT, tổ Hàn", "Trần Văn Lợi", "", "Tổ Hàn", "ldtt", "" },
        { "Lê Văn Tú tổ Điện em cảm ơn ạ, LĐTT", "Lê Văn Tú", "", "Tổ Điện", "ldtt", "" },
        // family names typed with or without diacritics, "la" also being the filler "là"
        { "la van hai, to xe, lđtt", "La Van Hai", "", "To Xe", "ldtt", "" },
        { "em là la thị hiền, tổ sấy, lđtt", "La Thị Hiền", "", "Tổ Sấy", "ldtt", "" },
        { "Đậu Thị Lan, tổ Sấy, LĐTT", "Đậu Thị Lan", "", "Tổ Sấy", "ldtt", "" },
        { "on van phuc, to co dien, ldtt", "On Van Phuc", "", "To Co Dien", "ldtt", "" },
        // the words that lead to a commendation go with it
        { "Nguyễn Văn An, Tổ Cơ khí, LĐTT, đề nghị giấy khen", "Nguyễn Văn An", "", "Tổ Cơ khí", "ldtt", "giay-khen" },
        { "Trần Thị Bình, Phòng Kế toán, CSTĐCS, mong muốn được bằng khen", "Trần Thị Bình", "", "Phòng Kế toán", "cstd-co-so", "bang-khen" },
        { "Hà Văn Tâm, tổ Lắp máy, LĐTT, hình thức khen thưởng giấy khen", "Hà Văn Tâm", "", "Tổ Lắp máy", "ldtt", "giay-khen" },
        // multi-word positions, longest first; a position ending with a unit word shares it with the unit
        { "Phạm Thị Hậu, kế toán trưởng, Phòng Tài vụ, LĐTT", "Phạm Thị Hậu", "Kế toán trưởng", "Phòng Tài vụ", "ldtt", "" },
        { "Lê Văn Dũng, trưởng phòng Vật tư, CSTĐCS", "Lê Văn Dũng", "Trưởng phòng", "Phòng Vật tư", "cstd-co-so", "" },
        { "Vũ Thị Nhung, điều dưỡng trưởng khoa Nhi, LĐTT", "Vũ Thị Nhung", "Điều dưỡng trưởng", "Khoa Nhi", "ldtt", "" },
        { "Ngô Văn Bảy, phó quản đốc phân xưởng Cán, LĐTT", "Ngô Văn Bảy", "Phó quản đốc", "Phân xưởng Cán", "ldtt", "" },
        { "Bùi Văn Tám, bác sĩ trưởng khoa Ngoại, CSTĐCS", "Bùi Văn Tám", "Bác sĩ trưởng khoa", "Khoa Ngoại", "cstd-co-so", "" },
        { "Lý Văn Sáu, tổ trưởng sản xuất tổ Đúc, LĐTT", "Lý Văn Sáu", "Tổ trưởng sản xuất", "Tổ Đúc", "ldtt", "" },
        { "Tăng Thị Yên, phó phòng Tổ chức cán bộ, CSTĐCS", "Tăng Thị Yên", "Phó phòng", "Phòng Tổ chức cán bộ", "cstd-co-so", "" },
        { "ban tai chinh, cao van hoa, ldtt", "Cao Van Hoa", "", "Ban Tai Chinh", "ldtt", "" },
        { "Mạc Văn Hùng, trưởng ca 2 phân xưởng Nghiền, LĐTT", "Mạc Văn Hùng", "Trưởng ca", "Ca 2 phân xưởng Nghiền", "ldtt", "" },
        // no title: the form asks it (one question)
        { "Nguyễn Văn An, Tổ Cơ khí", "Nguyễn Văn An", "", "Tổ Cơ khí", "", "" },
        { "em là trần thị mai tổ điện", "Trần Thị Mai", "", "Tổ Điện", "", "" },
    };
}
