using System.Globalization;
using System.Text;
using Bot.Builder.Recognizers;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>
/// File names that say what an export holds and never collide: "dang-ky-thi-dua_tld-2021_to-dien_20261124-090000.xlsx",
/// "tat-ca-…" only for every plan or every unit, the local time to the second, and "-2", "-3" … when a file of that
/// name is already on the server (two exports in the same second).
/// </summary>
public sealed class ExportFileName(Texts texts, PlanCalendar calendar)
{
    private const int MaxPartLength = 40;

    public string For(string lang, ExportScope scope)
    {
        var plan = scope.Plan?.Id ?? texts.Get(lang, "pledge-officer.file-all-plans");
        var unit = scope.Unit ?? texts.Get(lang, "pledge-officer.file-all-units");
        var at = TimeZoneInfo.ConvertTime(scope.At, calendar.Zone).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return $"{Slug(texts.Get(lang, "pledge-officer.file-prefix"))}_{Slug(plan)}_{Slug(unit)}_{at}.xlsx";
    }

    /// <summary>Writes the file under a name no other export has taken (CreateNew: two writers in one second both succeed).</summary>
    public static async Task<string> SaveUniqueAsync(string folder, string fileName, byte[] bytes, CancellationToken ct)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(folder, n == 1 ? fileName : $"{stem}-{n}{extension}");
            if (File.Exists(path)) continue;
            try
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                await file.WriteAsync(bytes, ct);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken between the check and the create: try the next suffix.
            }
        }
    }

    /// <summary>ASCII letters and digits joined by "-": safe in every file system and in a Telegram download.</summary>
    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var word in VietnameseText.Words(text))
        {
            var ascii = new string([.. word.Where(char.IsAsciiLetterOrDigit)]);
            if (ascii.Length == 0) continue;
            if (sb.Length > 0) sb.Append('-');
            sb.Append(ascii);
        }
        var slug = sb.Length > MaxPartLength ? sb.ToString(0, MaxPartLength).TrimEnd('-') : sb.ToString();
        return slug.Length == 0 ? "x" : slug;
    }
}
