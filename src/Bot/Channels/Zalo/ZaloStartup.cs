using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>What both receivers do first: ask getMe who the bot is (its names, for @mentions) and that the token works.</summary>
public sealed class ZaloStartup(ZaloBotClient client, ZaloBotIdentity identity, ILogger<ZaloStartup> logger)
{
    /// <summary>False when Zalo rejects the token: nothing on this channel can work until it is fixed.</summary>
    public async Task<bool> IdentifyAsync(CancellationToken ct)
    {
        try
        {
            var me = await client.GetMeAsync(ct);
            identity.Learn(me);
            logger.LogInformation("Zalo bot {BotId} ({Name}) connected", me.Id, me.DisplayName ?? me.AccountName);
            return true;
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 401)
        {
            LogRejectedToken(logger);
            return false;
        }
        catch (ZaloApiException ex)
        {
            // Not fatal: polling retries on its own, and only the bot's getMe names for @mentions are missing.
            logger.LogWarning(ex, "Zalo getMe failed; continuing with the configured bot name");
            return true;
        }
    }

    public static void LogRejectedToken(ILogger logger) =>
        logger.LogCritical("Zalo rejected the bot token (401). The Zalo channel is stopped; set a valid Zalo:BotToken and restart. Other channels keep running.");
}
