using Bot.Content;

namespace Bot.Web.Dashboard;

/// <summary>
/// Checks an uploaded plan file with the same loader and validator as the start (problems as "file:line: field:
/// what is wrong"). Nothing is published from the page: a checked file is copied to dialogs/plans/ and loaded with /tailai.
/// </summary>
public static class PlanFileCheck
{
    public const long MaxBytes = 512 * 1024;

    public static async Task<IReadOnlyList<string>> CheckAsync(IFormFile upload, CancellationToken ct)
    {
        var name = Path.GetFileName(upload.FileName);
        var id = Path.GetFileNameWithoutExtension(name);
        var temp = Path.Combine(Path.GetTempPath(), $"plan-check-{Guid.NewGuid():N}.yaml");
        try
        {
            await using (var file = File.Create(temp)) await upload.CopyToAsync(file, ct);
            var problems = new List<string>();
            var loaded = YamlContent<Plan>.Load(temp, name, problems);
            if (loaded.Value is not null) PlanValidator.Validate(loaded, id, problems);
            return problems;
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
