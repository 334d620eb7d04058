using Microsoft.Extensions.Options;

namespace Bot.Tests.Web;

public class WebOptionsTests
{
    [Theory]
    [InlineData("Web:PublicUrl", "ftp://thidua.example.test")]
    [InlineData("Web:SignInLinkLifetime", "02:00:00")]
    [InlineData("Web:ChatHistory", "5")]
    public async Task AWrongWebSettingStopsTheStartWithItsName(string key, string value)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(new Dictionary<string, string?> { [key] = value }, web: true));

        Assert.Contains(key.Split(':')[1], ex.Message);
    }
}
