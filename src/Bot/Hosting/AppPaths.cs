namespace Bot.Hosting;

/// <summary>
/// Where relative paths in settings point: the app's own folder (where the build copies dialogs/ and appsettings.json),
/// never the current directory, so a service manager, a deploy script or `dotnet run` from any folder finds the same
/// content and the same database.
/// </summary>
public static class AppPaths
{
    public static string Resolve(string path) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(AppContext.BaseDirectory, path));
}
