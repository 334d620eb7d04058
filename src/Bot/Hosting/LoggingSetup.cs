using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;

namespace Bot.Hosting;

/// <summary>
/// Log lines go to stderr (stdout belongs to the local chat), one line each: plain text by default, journald's
/// priority prefixes under systemd, or JSON objects (Logging:Format=json) for a log collector.
/// </summary>
internal static class LoggingSetup
{
    public const string FormatSetting = "Logging:Format";

    public static void AddLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        var format = builder.Configuration[FormatSetting]?.Trim().ToLowerInvariant();
        switch (format)
        {
            case "json":
                builder.Logging.AddJsonConsole(o =>
                {
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                break;
            case null or "" or "simple" when SystemdHelpers.IsSystemdService():
                builder.Logging.AddSystemdConsole(o => o.UseUtcTimestamp = true);
                break;
            case null or "" or "simple":
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
                break;
            default:
                throw new SettingException($"The setting {FormatSetting} (environment variable Logging__Format) must be simple or json.");
        }
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>Under systemd: ready/stopping notifications (Type=notify); as a Windows service: the service lifetime. Elsewhere nothing.</summary>
    public static void AddServiceLifetime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(o => o.ServiceName = "CongDoanBot");
    }
}
