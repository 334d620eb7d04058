using Microsoft.AspNetCore.Http;

namespace Bot.Operations;

/// <summary>The operator's endpoints: /healthz, /readyz and (when on) the Prometheus /metrics.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Where the endpoints listen, e.g. "http://127.0.0.1:9090"; empty = on the web host's own Urls. A separate address
    /// keeps them off a webhook port that faces the internet.
    /// </summary>
    public string? Urls { get; set; }

    public bool Health { get; set; } = true;

    /// <summary>Off by default: the numbers describe the union's activity, so an operator turns them on knowingly.</summary>
    public bool Metrics { get; set; }

    public IReadOnlyList<BindingAddress> Addresses() =>
        string.IsNullOrWhiteSpace(Urls) ? [] : [.. Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(BindingAddress.Parse)];
}

internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        try
        {
            foreach (var address in options.Addresses())
                if (address.Port == 0 || address.IsUnixPipe || address.IsNamedPipe || address.Scheme != "http")
                    return ValidateOptionsResult.Fail($"{OperationsOptions.Section}:Urls '{options.Urls}' needs http addresses with a fixed port, like http://127.0.0.1:9090.");
            return ValidateOptionsResult.Success;
        }
        catch (FormatException)
        {
            return ValidateOptionsResult.Fail($"{OperationsOptions.Section}:Urls '{options.Urls}' is not an address to listen on: write it like http://127.0.0.1:9090.");
        }
    }
}
