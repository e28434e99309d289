using Eoffice.Web.Platform.Notifications;

namespace Eoffice.UnitTests.Platform.Notifications;

public sealed class NotificationLinkTests
{
    [Theory]
    [InlineData("/thong-bao", true)]
    [InlineData("/", true)]
    [InlineData("/van-ban-den/0193a1b2?tab=xu-ly", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("thong-bao", false)]
    [InlineData("/a\nb", false)]
    [InlineData("", false)]
    public void Only_paths_on_this_site_are_accepted(string link, bool local) =>
        Assert.Equal(local, Notification.IsLocalLink(link));
}
