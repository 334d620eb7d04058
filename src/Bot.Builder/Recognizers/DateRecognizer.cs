using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Builder.Recognizers;

/// <summary>Dates as Vietnamese members write them: 30/6, 30/6/2021, 30-6-2021, "ngày 30 tháng 6 (năm 2021)", hôm nay, mai, hôm qua.</summary>
public static partial class DateRecognizer
{
    public static DateOnly? Recognize(string? text, DateOnly today)
    {
        var folded = VietnameseText.Fold(text).Trim(' ', '.', '!', '?');
        if (folded.Length == 0) return null;
        switch (folded)
        {
            case "hom nay" or "nay" or "today": return today;
            case "mai" or "ngay mai" or "tomorrow": return today.AddDays(1);
            case "hom qua" or "qua" or "yesterday": return today.AddDays(-1);
            case "ngay kia" or "mot": return today.AddDays(2);
        }
        var m = Numeric().Match(folded);
        if (!m.Success) m = Spelled().Match(folded);
        if (!m.Success) return null;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (year < 100) year += 2000;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"^(?:ngay\s*)?(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})(?:\s*[/\-.]\s*(?<y>\d{2}|\d{4}))?$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?:ngay\s*)?(?<d>\d{1,2})\s*(?:thang|th)\s*(?<m>\d{1,2})(?:\s*(?:nam)?\s*(?<y>\d{4}))?$")]
    private static partial Regex Spelled();
}
