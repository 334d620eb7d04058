using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Bot.Hosting;

/// <summary>
/// Everything a setting can get wrong, checked before the host starts: then a mistake is one sentence from
/// <see cref="BotHost.RunAsync"/>, not the host's "failed to start" stack trace or a service that dies later.
/// </summary>
internal static partial class StartupChecks
{
    /// <summary>The options types registered, so each is bound (and a value the binder cannot convert found) up front.</summary>
    internal sealed class OptionTypes(IEnumerable<Type> types)
    {
        public IReadOnlyList<Type> All { get; } = [.. types.Distinct()];
    }

    public static void AddStartupChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(new OptionTypes(builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Bot", StringComparison.Ordinal) == true)));

    public static void CheckSettings(this WebApplication app, bool probePorts = true)
    {
        foreach (var type in app.Services.GetService<OptionTypes>()?.All ?? [])
        {
            var options = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            try
            {
                _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options); // binds, converts, validates
            }
            catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            }
        }
        app.Services.GetService<IStartupValidator>()?.Validate();
        CheckUrls("Urls", app.Configuration["Urls"] ?? app.Configuration["ASPNETCORE_URLS"], probePorts);
        CheckUrls("Operations:Urls", app.Configuration["Operations:Urls"], probePorts);
    }

    /// <summary>A binder error names the setting; the value itself is not repeated (it may be a secret).</summary>
    public static bool IsSettingError(Exception ex) =>
        ex is InvalidOperationException && ex.Source == "Microsoft.Extensions.Configuration.Binder" && BinderMessage().IsMatch(ex.Message);

    public static string Describe(Exception ex)
    {
        var m = BinderMessage().Match(ex.Message);
        var path = m.Groups["path"].Value;
        var type = m.Groups["type"].Value.Split('.')[^1] switch
        {
            "Int32" or "Int64" or "Double" or "Decimal" => "a number",
            "Boolean" => "true or false",
            "TimeOnly" => "a time of day (HH:mm)",
            "TimeSpan" => "a duration (hh:mm:ss)",
            "DateOnly" => "a date (yyyy-MM-dd)",
            _ when typeof(BotHost).Assembly.GetType(m.Groups["type"].Value) is { IsEnum: true } e => "one of " + string.Join(", ", Enum.GetNames(e)),
            var other => $"a valid {other}",
        };
        return $"The setting {path} (environment variable {path.Replace(":", "__", StringComparison.Ordinal)}) must be {type}; its value cannot be read.";
    }

    /// <summary>Kestrel reports a bad address or a port in use only while starting, after logging a stack trace.</summary>
    private static void CheckUrls(string setting, string? urls, bool probePorts)
    {
        if (string.IsNullOrWhiteSpace(urls)) return;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new SettingException($"The setting {setting} has '{url}', which is not an address to listen on: write it like http://0.0.0.0:8080.");
            }
            if (!probePorts || address.Port == 0 || address.IsUnixPipe || address.IsNamedPipe) continue;
            var ip = address.Host is "*" or "+" or "0.0.0.0" or "[::]" ? IPAddress.Any
                : address.Host == "localhost" ? IPAddress.Loopback
                : IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) ? parsed : null;
            if (ip is null) continue;
            try
            {
                using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(ip, address.Port));
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied or SocketError.AddressNotAvailable)
            {
                var why = ex.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => "another program already listens on that port",
                    SocketError.AccessDenied => "this user may not listen on that port",
                    _ => "this machine has no such address",
                };
                throw new SettingException($"The setting {setting} asks to listen on {url}, but {why}: stop that program or choose another port.");
            }
        }
    }

    [GeneratedRegex(@"at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}

/// <summary>A setting that stops the start; its message is the sentence the operator reads.</summary>
internal sealed class SettingException(string message) : Exception(message);
