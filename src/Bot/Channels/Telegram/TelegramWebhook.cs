using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// The webhook endpoint: refuses posts without the right secret header (401), answers 200 once the update is queued
/// and durable — by its turn's commit, or stored alone within Telegram:WebhookAnswerWithinMilliseconds, so a slow turn
/// never makes Telegram re-send — and 503 when it cannot take more (Telegram retries).
/// </summary>
public sealed class TelegramWebhookEndpoint(IOptions<TelegramOptions> options, TelegramInbox inbox, IReceivedUpdates received, ILogger<TelegramWebhookEndpoint> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const int QueueCapacity = 1000;
    private const long MaxBodyBytes = 1 << 20;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? "");
    private readonly TimeSpan _answerWithin = TimeSpan.FromMilliseconds(options.Value.WebhookAnswerWithinMilliseconds);
    private readonly Channel<(Update Update, long Receipt)> _queue = Channel.CreateBounded<(Update, long)>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private volatile bool _accepting = true;

    public ChannelReader<(Update Update, long Receipt)> Updates => _queue.Reader;

    /// <summary>From now on Telegram is told to come back later (503), so nothing is accepted that will not be handled.</summary>
    public void StopAccepting() => _accepting = false;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Path.HasValue && request.Path != "/") { response.StatusCode = StatusCodes.Status404NotFound; return; }
        if (!HttpMethods.IsPost(request.Method)) { response.StatusCode = StatusCodes.Status405MethodNotAllowed; return; }
        if (!HasSecret(request))
        {
            logger.LogWarning("Refused a webhook post from {Remote} without the right secret header", context.Connection.RemoteIpAddress);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (!_accepting) { response.StatusCode = StatusCodes.Status503ServiceUnavailable; return; }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        Update? update;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            // Not JSON (a cut-off body, say): a resend may well arrive whole, so Telegram is asked to send it again.
            logger.LogWarning("Refused an unreadable webhook post: {Problem}", ex.Message);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using (document)
        {
            try
            {
                update = document.Deserialize<Update>(JsonBotAPI.Options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Well-formed JSON the converter cannot take (a date past year 9999, say) fails the same way every time.
                // Telegram re-sends anything but 2xx, and the updates behind it wait: log it, skip it, answer 200.
                logger.LogWarning("Skipped webhook update {UpdateId} that cannot be read: {Problem}", UpdateId(document), ex.Message);
                response.StatusCode = StatusCodes.Status200OK;
                return;
            }
        }
        if (update is null) { response.StatusCode = StatusCodes.Status400BadRequest; return; }
        // On disk before Telegram hears "200": an acknowledged update is never lost, even to kill -9. Either the update
        // itself, or — when its turn commits within the bound — the turn's outcome, which then stands for it.
        var receipt = _answerWithin > TimeSpan.Zero
            ? await inbox.ReceiveAsync(update, _answerWithin, context.RequestAborted)
            : new PendingReceipt((await inbox.StoreAsync([update], context.RequestAborted))[0], Task.CompletedTask);
        if (!_queue.Writer.TryWrite((update, receipt.Id)))
        {
            logger.LogWarning("Webhook queue full ({Capacity}); Telegram will re-send update {UpdateId}", QueueCapacity, update.Id);
            await received.CompleteAsync(receipt.Id, CancellationToken.None);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        await receipt.Durable;
        response.StatusCode = StatusCodes.Status200OK;
    }

    private static long? UpdateId(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value)
            ? value : null;

    private bool HasSecret(HttpRequest request)
    {
        var given = request.Headers[SecretHeader];
        if (given.Count != 1 || given[0] is not { Length: > 0 } value) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _secret);
    }
}

/// <summary>Puts the endpoint on the host's own HTTP pipeline at the path of Telegram:WebhookUrl.</summary>
public sealed class TelegramWebhookStartupFilter(IOptions<TelegramOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var endpoint = app.ApplicationServices.GetRequiredService<TelegramWebhookEndpoint>();
        app.Map(options.Value.WebhookPath, branch => branch.Run(endpoint.HandleAsync));
        next(app);
    };
}

/// <summary>Registers the webhook with Telegram (with the secret) and hands queued updates to the pipeline in order.</summary>
public sealed class TelegramWebhookService(
    ITelegramBotClient client,
    TelegramBotIdentity identity,
    TelegramWebhookEndpoint endpoint,
    TelegramInbox inbox,
    TelegramCommandMenu menu,
    IOptions<TelegramOptions> options,
    TelegramErrors errors,
    TimeProvider time,
    Operations.ChannelHealth health,
    ILogger<TelegramWebhookService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await identity.CheckAtStartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await identity.WhenKnownAsync(stoppingToken);
            await SetWebhookAsync(stoppingToken);
            menu.StartPublishing(stoppingToken);
            await inbox.ResumeAsync(stoppingToken);
            await foreach (var (update, receipt) in endpoint.Updates.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await inbox.HandOverAsync(update, stoppingToken, receipt);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One bad update must not stop the receiver (and with it the host), as in polling.
                    logger.LogError(ex, "Could not hand over update {UpdateId}", update.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException ex) when (identity.Me is null)
        {
            logger.LogCritical("{Problem}", ex.Message); // the token was rejected after the start check gave up waiting
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        endpoint.StopAccepting();
        await base.StopAsync(cancellationToken);
        // Telegram already got 200 for what is still queued: hand it over before stopping (it is stored, so what does
        // not finish now is handed over at the next start).
        if (identity.Me is not null)
            while (endpoint.Updates.TryRead(out var queued))
                await inbox.HandOverAsync(queued.Update, cancellationToken, queued.Receipt);
    }

    private async Task SetWebhookAsync(CancellationToken ct)
    {
        var o = options.Value;
        var pause = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await client.SetWebhook(o.WebhookUrl!, allowedUpdates: TelegramPollingService.AllowedUpdates, secretToken: o.WebhookSecret, cancellationToken: ct);
                logger.LogInformation("Receiving Telegram updates by webhook at {Url}", errors.Redact(o.WebhookUrl));
                health.Connected(TelegramUpdateTranslator.Channel);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError("Telegram refused the webhook {Url}: {Problem}; retrying in {Delay}", errors.Redact(o.WebhookUrl), errors.Redact(ex.Message), pause.Current);
                await pause.WaitAsync(time, ct);
            }
        }
    }
}
