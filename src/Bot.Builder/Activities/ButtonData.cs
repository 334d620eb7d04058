namespace Bot.Builder.Activities;

/// <summary>
/// Choice buttons carry ids, not payloads: "c:{owner}:{token}:{index}" stays far below Telegram's 64 bytes.
/// The owner lets a group tell "not yours" from "expired"; the token expires when a newer question is asked.
/// </summary>
public sealed record ButtonData(string Owner, string Token, int Index)
{
    public static string Format(string owner, string token, int index) => $"c:{Shorten(owner)}:{token}:{index}";

    public static ButtonData? Parse(string? data)
    {
        var parts = data?.Split(':');
        if (parts is not { Length: 4 } || parts[0] != "c" || !int.TryParse(parts[3], out var index)) return null;
        return new ButtonData(parts[1], parts[2], index);
    }

    public bool IsOwnedBy(string userId) => Owner == Shorten(userId);

    private static string Shorten(string userId) =>
        userId.Length <= 24 ? userId : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16];
}
