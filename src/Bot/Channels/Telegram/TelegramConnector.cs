using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Channels.Telegram;

/// <summary>
/// Sends already-adapted replies to Telegram: HTML text, inline keyboards (ids as callback data), replies to the
/// member's message in groups, edits and documents. Every failure leaves as a <see cref="ChannelSendException"/>.
/// </summary>
public sealed class TelegramConnector(ITelegramBotClient client, TelegramErrors errors, TimeProvider time, ILogger<TelegramConnector> logger)
    : IChannelConnector
{
    public const int MaxCallbackDataBytes = 64;
    public const int MaxCaptionLength = 1024;
    public const int MaxButtonAnswerLength = 200;

    // Messages this bot re-drew with new buttons, so removing the pressed keyboard afterwards cannot wipe them.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redrawn = new(StringComparer.Ordinal);

    public string Channel => TelegramUpdateTranslator.Channel;

    public ChannelCapabilities Capabilities { get; } = new() { Buttons = true, EditMessages = true, Files = true, Html = true, MaxTextLength = 4096 };

    /// <summary>Telegram's Bot FAQ: about 30 messages/s overall, 1/s to one chat, 20/min to one group; with headroom.</summary>
    public SendLimits? Limits { get; } = new(MessagesPerSecond: 25, PrivateChatPerSecond: 1, GroupPerMinute: 20, ChatBurst: 3);

    public async Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        var chat = ParseChat(to.ChatId);
        var markup = Keyboard(reply.Buttons);
        try
        {
            if (reply.File is { } file) return await SendDocumentAsync(chat, reply, file, markup, cancellationToken);
            if (reply.Text.Trim().Length == 0) return null; // Telegram refuses empty messages; nothing to say
            if (ParseMessageId(reply.EditMessageId) is { } editId && await TryEditAsync(chat, editId, reply.Text, markup, cancellationToken))
                return reply.EditMessageId;
            var sent = await WithPlainFallback(reply.Text, (text, mode) =>
                client.SendMessage(chat, text, mode, ReplyTo(reply), markup, cancellationToken: cancellationToken));
            return Id(sent.MessageId);
        }
        catch (Exception ex) when (ex is not ChannelSendException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw errors.ToSendException(ex, to.ChatId);
        }
    }

    /// <summary>Answers the press (ends the client's spinner) and removes the pressed keyboard so it cannot be pressed twice.</summary>
    public async Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken)
    {
        if (!TelegramButtonPress.TryParse(activity.MessageId, out var queryId, out var messageId)) return;
        var answer = text is null ? null : Truncate(TextFormat.ToPlain(text), MaxButtonAnswerLength);
        try
        {
            await client.AnswerCallbackQuery(queryId, answer, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (TelegramErrors.IsDescribed(ex, "query is too old"))
        {
            logger.LogInformation("Button press {QueryId} in telegram:{ChatId} was answered too late", queryId, activity.ChatId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw errors.ToSendException(ex, activity.ChatId);
        }
        if (!ShouldRemoveKeyboard(activity, messageId)) return;
        try
        {
            await client.EditMessageReplyMarkup(ParseChat(activity.ChatId), messageId, replyMarkup: null, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (TelegramErrors.IsDescribed(ex, "message is not modified") || TelegramErrors.IsDescribed(ex, "message to edit not found"))
        {
            // already without buttons, or deleted: nothing left to press
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw errors.ToSendException(ex, activity.ChatId);
        }
    }

    private bool ShouldRemoveKeyboard(Activity press, int messageId)
    {
        // In a group, someone else's choice button stays for its owner ("not yours").
        if (ButtonData.Parse(press.ButtonData) is { } choice && !choice.IsOwnedBy(press.UserId)) return false;
        return !(_redrawn.TryRemove(Key(press.ChatId, messageId), out var at) && at >= press.Timestamp);
    }

    private async Task<bool> TryEditAsync(ChatId chat, int messageId, string text, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            await WithPlainFallback(text, (t, mode) => client.EditMessageText(chat, messageId, t, mode, markup, cancellationToken: ct));
        }
        catch (Exception ex) when (TelegramErrors.IsDescribed(ex, "message is not modified"))
        {
        }
        catch (Exception ex) when (TelegramErrors.IsDescribed(ex, "message to edit not found") || TelegramErrors.IsDescribed(ex, "message can't be edited"))
        {
            return false; // deleted or too old: say it as a new message instead
        }
        if (markup is not null) Remember(Key(Id(chat.Identifier ?? 0), messageId));
        return true;
    }

    private async Task<string?> SendDocumentAsync(ChatId chat, Reply reply, ReplyFile file, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        var caption = reply.Text;
        if (caption.Length > MaxCaptionLength)
        {
            // A caption holds 1,024 characters: longer text goes first as its own message.
            await WithPlainFallback(caption, (t, mode) => client.SendMessage(chat, t, mode, ReplyTo(reply), cancellationToken: ct));
            caption = "";
        }
        var sent = await WithPlainFallback(caption, (t, mode) =>
        {
            var stream = new MemoryStream(file.Content, writable: false);
            return client.SendDocument(chat, InputFile.FromStream(stream, file.FileName), t, mode, ReplyTo(reply), markup, cancellationToken: ct);
        });
        return Id(sent.MessageId);
    }

    /// <summary>Texts are escaped HTML; should a hand-written one still not parse, the member gets it as plain text rather than nothing.</summary>
    private async Task<T> WithPlainFallback<T>(string text, Func<string, ParseMode, Task<T>> send)
    {
        try
        {
            return await send(text, ParseMode.Html);
        }
        catch (Exception ex) when (TelegramErrors.IsDescribed(ex, "can't parse entities"))
        {
            logger.LogWarning("Telegram could not parse the HTML of a message ({Problem}); sending it as plain text", errors.Redact(ex.Message));
            return await send(TextFormat.ToPlain(text), ParseMode.None);
        }
    }

    private static ReplyParameters? ReplyTo(Reply reply)
    {
        // A button press replies under the message that carried the keyboard.
        var id = TelegramButtonPress.TryParse(reply.ReplyToMessageId, out _, out var keyboardId) ? keyboardId : ParseMessageId(reply.ReplyToMessageId);
        // The member's message may have been deleted meanwhile: answer anyway.
        return id is { } messageId ? new ReplyParameters { MessageId = messageId, AllowSendingWithoutReply = true } : null;
    }

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<Button> buttons)
    {
        if (buttons.Count == 0) return null;
        // One button per row: labels are sentences and must stay readable on a phone.
        return new InlineKeyboardMarkup(buttons.Select(b => new[] { ToInline(b) }).ToArray());
    }

    private static InlineKeyboardButton ToInline(Button b)
    {
        if (b.Url is not null) return InlineKeyboardButton.WithUrl(b.Label, b.Url);
        var data = b.Data ?? b.Label;
        if (Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes)
            throw new ChannelSendException(SendFailure.Permanent, $"Button data over {MaxCallbackDataBytes} bytes (put an id in it, not a payload): {data}");
        return InlineKeyboardButton.WithCallbackData(b.Label, data);
    }

    private void Remember(string key)
    {
        if (_redrawn.Count > 10_000)
            foreach (var old in _redrawn.Where(p => p.Value < time.GetUtcNow().AddHours(-1)).Select(p => p.Key).ToList()) _redrawn.TryRemove(old, out _);
        _redrawn[key] = time.GetUtcNow();
    }

    private static ChatId ParseChat(string chatId) =>
        long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? new ChatId(id)
            : throw new ChannelSendException(SendFailure.Permanent, $"'{chatId}' is not a Telegram chat id");

    private static int? ParseMessageId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Key(string chatId, int messageId) => $"{chatId}:{Id(messageId)}";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
