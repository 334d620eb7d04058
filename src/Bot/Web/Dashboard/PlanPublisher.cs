using Bot.Content;
using Bot.Faq;
using Bot.Members;

namespace Bot.Web.Dashboard;

/// <summary>
/// Puts a checked plan file into dialogs/plans/ and reloads the content as /tailai does (all or nothing). If the
/// reload refuses the new content, the folder is put back as it was, so the next start sees what runs now.
/// Publishing changes every plan's content, so it takes an officer of all plans, not of one.
/// </summary>
public sealed class PlanPublisher(BotContent content, FaqLibrary library)
{
    public async Task<IReadOnlyList<string>> PublishAsync(Actor officer, string fileName, Stream upload, CancellationToken ct)
    {
        if (!officer.Roles.Any(r => r.PlanId is null)) throw new NotAllowedException("publish a plan");
        var name = Path.GetFileName(fileName);
        var target = Path.Combine(content.Root, "plans", name);
        var previous = File.Exists(target) ? await File.ReadAllBytesAsync(target, ct) : null;
        var staged = target + ".uploading";
        await using (var file = File.Create(staged)) await upload.CopyToAsync(file, ct);
        File.Move(staged, target, overwrite: true);
        try
        {
            library.Rebuild();
            return [];
        }
        catch (ContentException ex)
        {
            if (previous is null) File.Delete(target);
            else await File.WriteAllBytesAsync(target, previous, CancellationToken.None);
            return ex.Problems;
        }
    }
}
