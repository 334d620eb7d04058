using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Channels.Zalo.Api;
using Microsoft.AspNetCore.Http.Features;

namespace Bot.Channels.Zalo;

/// <summary>Events accepted by the webhook and not yet handed to the pipeline. Bounded, so a flood cannot exhaust memory.</summary>
public sealed class ZaloWebhookQueue
{
    internal const int Capacity = 1000;

    public Channel<(ZaloUpdate Update, long Receipt)> Updates { get; } =
        Channel.CreateBounded<(ZaloUpdate, long)>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
}

public static class ZaloWebhookEndpoint
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";
    private const long MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// POST {path of Zalo:WebhookUrl}: checks the secret, queues the events and answers 200 once they are durable — by
    /// their turns' commits, or stored alone within Zalo:WebhookAnswerWithinMilliseconds, so a slow turn never holds it up.
    /// </summary>
    public static IEndpointConventionBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
        return endpoints.MapPost(new Uri(options.WebhookUrl!).AbsolutePath, HandleAsync);
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<ZaloOptions> options, ZaloWebhookQueue queue, ZaloInbox inbox, IReceivedUpdates received, ILogger<ZaloWebhookQueue> logger)
    {
        if (!http.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1)
        {
            logger.LogWarning("Zalo webhook call without the secret header from {Remote}", http.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }
        if (!SameSecret(given.ToString(), options.Value.WebhookSecret ?? ""))
        {
            logger.LogWarning("Zalo webhook call with a wrong secret from {Remote}", http.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        IReadOnlyList<ZaloUpdate> updates;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            try
            {
                updates = ZaloUpdateParser.Parse(doc.RootElement);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Well-formed JSON this bot cannot read fails the same way on every resend: log it, skip it (200).
                logger.LogWarning("Skipped a Zalo webhook event that cannot be read: {Problem}", ex.Message);
                return Results.Ok(new { ok = true });
            }
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (updates.Count == 0) logger.LogInformation("Zalo webhook call without a message ignored");
        // On disk before Zalo hears "200": an acknowledged event is never lost, even to kill -9. Either the event itself,
        // or — when its turn commits within the bound — the turn's outcome, which then stands for it (one commit, not two).
        var within = TimeSpan.FromMilliseconds(options.Value.WebhookAnswerWithinMilliseconds);
        IReadOnlyList<PendingReceipt> receipts = updates.Count == 0 ? []
            : within > TimeSpan.Zero ? await inbox.ReceiveAsync(updates, within, http.RequestAborted)
            : [.. (await inbox.StoreAsync(updates, http.RequestAborted)).Select(id => new PendingReceipt(id, Task.CompletedTask))];
        for (var i = 0; i < updates.Count; i++)
        {
            // Full queue: a 503 lets Zalo deliver again later instead of us dropping an acknowledged event.
            if (!queue.Updates.Writer.TryWrite((updates[i], receipts[i].Id)))
            {
                logger.LogWarning("Zalo webhook queue is full; answering 503");
                foreach (var unqueued in receipts.Skip(i)) await received.CompleteAsync(unqueued.Id, CancellationToken.None);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }
        foreach (var receipt in receipts) await receipt.Durable;
        return Results.Ok(new { ok = true });
    }

    /// <summary>Constant time in the content: both sides are hashed first, so even the length does not leak through timing.</summary>
    internal static bool SameSecret(string given, string expected) =>
        expected.Length > 0 &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>Maps the webhook route from inside AddZaloChannel(), so BotHost stays one line per feature.</summary>
public sealed class ZaloWebhookStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapZaloWebhook());
        next(app);
    };
}
