using System.Diagnostics;
using System.Reflection;

namespace Bot.Tests.Hosting;

/// <summary>
/// The published app (framework-dependent, reusing this build) started from another working directory finds its content
/// and its database next to itself, not in the current directory. About 6 s on a quiet machine (publish ~3 s, start
/// and check ~2 s); 30 s when the machine is loaded.
/// </summary>
public sealed class PublishedAppTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("publish-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    [Trait("Category", "Publish")] // runs msbuild and two processes: --filter "Category!=Publish" leaves it out
    public async Task ThePublishedAppStartedFromAnotherFolderChecksItsOwnContentAndDataFolder()
    {
        var app = Path.Combine(_dir, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        var configuration = typeof(PublishedAppTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryRoot(), "src", "Bot", "Bot.csproj");

        var publish = await RunAsync(["publish", project, "--no-build", "-c", configuration, "-o", app, "-v", "q", "-nologo"], elsewhere);
        Assert.True(publish.Code == 0, publish.Output);

        var check = await RunAsync([Path.Combine(app, "Bot.dll"), "--check"], elsewhere);
        Assert.True(check.Code == 0, check.Output);
        Assert.Contains($"Content {Path.Combine(app, "dialogs")}: 3 plans", check.Output);
        Assert.Contains(Path.Combine(app, "data", "bot.db") + " does not exist yet", check.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The published app reads only its own settings: none of the test run's environment.
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
