using Bot.Storage;
using Bot.Tests.Storage;
using Bot.Web.SignIn;

namespace Bot.Tests.Web.SignIn;

/// <summary>What sign-in relies on from its store; every implementation runs this suite.</summary>
public abstract class SignInStoreContract
{
    private static readonly DateTimeOffset Now = TestBot.DefaultNow;

    protected abstract ISignInStore Store { get; }

    private static SignInLink Link(string id = "A1") => new() { Id = id, Channel = "test", UserId = "officer", Name = "Chị Lan", CreatedAt = Now, ExpiresAt = Now.AddMinutes(10) };

    [Fact]
    public async Task ALinkSignsInOnceThenIsUsed()
    {
        await Store.AddLinkAsync(Link());

        var first = await Store.RedeemAsync("A1", Now.AddMinutes(1));
        var second = await Store.RedeemAsync("A1", Now.AddMinutes(2));

        Assert.Equal((RedeemOutcome.SignedIn, "officer"), (first.Outcome, first.Link!.UserId));
        Assert.Equal(RedeemOutcome.AlreadyUsed, second.Outcome);
    }

    [Fact]
    public async Task ALinkAtItsExpiryOrAnUnknownOneSignsNobodyIn()
    {
        await Store.AddLinkAsync(Link());

        Assert.Equal(RedeemOutcome.Expired, (await Store.RedeemAsync("A1", Now.AddMinutes(10))).Outcome);
        Assert.Equal(RedeemOutcome.Unknown, (await Store.RedeemAsync("B2", Now)).Outcome);
    }

    [Fact]
    public async Task TwoClicksAtOnceSignInOnlyOnce()
    {
        await Store.AddLinkAsync(Link());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.RedeemAsync("A1", Now))));

        Assert.Single(results, r => r.Outcome == RedeemOutcome.SignedIn);
    }

    [Fact]
    public async Task AnEndedSessionStaysEndedAtItsFirstEnd()
    {
        await Store.AddSessionAsync(new WebSession { Id = "s1", Channel = "test", UserId = "officer", CreatedAt = Now });

        await Store.EndSessionAsync("s1", Now.AddHours(1));
        await Store.EndSessionAsync("s1", Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), (await Store.FindSessionAsync("s1"))!.EndedAt);
        Assert.Null(await Store.FindSessionAsync("s2"));
    }
}

public sealed class LiteDbSignInStoreTests : SignInStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbSignInStore.Links), new StoreCollection(LiteDbSignInStore.Sessions));

    public LiteDbSignInStoreTests() => Store = new LiteDbSignInStore(_db.Database, _db.Writer);

    protected override ISignInStore Store { get; }

    public void Dispose() => _db.Dispose();
}
