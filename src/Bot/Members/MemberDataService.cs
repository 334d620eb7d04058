using Bot.Audience;

namespace Bot.Members;

/// <summary>How many records each feature erased or anonymised.</summary>
public sealed class ErasedData(IReadOnlyDictionary<Type, int> counts)
{
    public int Of<TOwner>() where TOwner : IMemberDataOwner => counts.GetValueOrDefault(typeof(TOwner));

    public int Total => counts.Values.Sum();
}

/// <summary>
/// "Forget me" (Decree 13/2023) as one use case: every feature that keeps personal data erases its own, in turn.
/// The chats the member may have state in are gathered first, before the directory forgets their private chat.
/// </summary>
public sealed class MemberDataService(IEnumerable<IMemberDataOwner> owners, IChatDirectory chats, ILogger<MemberDataService> logger)
{
    public async Task<ErasedData> EraseAsync(Actor member, CancellationToken ct = default)
    {
        var chatIds = (await chats.AllAsync(ct)).Where(c => c.Channel == member.Channel).Select(c => c.ChatId)
            .Append(member.UserId).Distinct().ToList();
        var target = new MemberRef(member.Channel, member.UserId, chatIds);
        var counts = new Dictionary<Type, int>();
        foreach (var owner in owners) counts[owner.GetType()] = await owner.EraseAsync(target, ct);
        logger.LogInformation("Deleted a member's data on request in {Channel}: {Counts}", member.Channel,
            string.Join(", ", counts.Select(c => $"{c.Key.Name} {c.Value}")));
        return new ErasedData(counts);
    }
}
