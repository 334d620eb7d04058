using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Says loudly in the test output when BOT_TEST_POSTGRES=off (xunit's diagnostic messages are on in xunit.runner.json
/// for this): the PostgreSQL classes then pass by running their contracts on LiteDB, which must not look like a test of PostgreSQL.
/// </summary>
public sealed class PgOptOutBanner
{
    public PgOptOutBanner(IMessageSink sink)
    {
        if (!PgTestServer.Off) return;
        sink.OnMessage(new DiagnosticMessage($"WARNING: {PgTestServer.Variable}=off: the PostgreSQL tests did NOT test PostgreSQL (their contracts ran on LiteDB)."));
    }
}

public sealed class PgOptOutTests(PgOptOutBanner banner) : IClassFixture<PgOptOutBanner>
{
    [Fact]
    public async Task ThePostgreSqlTestsHaveAServerUnlessExplicitlyTurnedOff()
    {
        Assert.NotNull(banner);
        if (PgTestServer.Off) return;
        Assert.NotNull(await PgTestServer.ConnectionStringAsync());
    }
}
