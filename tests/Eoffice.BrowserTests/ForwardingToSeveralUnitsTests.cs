using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// On a desktop the director forwards to several units in one go with the picker, one line a unit: the lead gets the
/// agency's default deadline, supports follow the lead's as it changes, units informed get none; a support given a
/// later deadline than the lead's comes back as a warning, with the choices kept, until he confirms "Vẫn chuyển".
/// </summary>
public sealed class ForwardingToSeveralUnitsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Lead = DemoAgency.Units.Infrastructure;
    private const string Support = DemoAgency.Units.PlanningFinance;
    private const string LateSupport = DemoAgency.Units.Transport;
    private const string Informed = DemoAgency.Units.Legal;

    [BrowserFact]
    public async Task The_director_gives_a_lead_two_supports_and_a_unit_for_information_their_deadlines_and_confirms_a_support_due_after_the_lead()
    {
        var subject = "V/v tổng kiểm tra an toàn giao thông đường thủy nội địa " + Guid.NewGuid().ToString("N")[..6];
        var (clerk, _) = await app.SignedInAsync("dtmai");
        var documentUrl = await clerk.RegisterAndPresentAsync(app, subject);
        var (chief, _) = await app.SignedInAsync("lttha");
        await chief.ForwardAsync(documentUrl, null, ("nguyen van an", "Nguyễn Văn An", "direct"));

        var (director, errors) = await app.SignedInAsync("nvan");
        await director.GotoAsync(documentUrl);
        await director.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        await director.ChooseAsync("ha tang", Lead, "lead");
        await Assertions.Expect(Days(director, Lead)).ToHaveValueAsync("10");
        await director.ChooseAsync("ke hoach", Support, "support");
        await Assertions.Expect(Days(director, Support)).ToHaveValueAsync("10");
        await director.ChooseAsync("van tai", LateSupport, "support");
        await Days(director, Lead).FillAsync("5");
        await Assertions.Expect(Days(director, Support)).ToHaveValueAsync("5");
        await Assertions.Expect(Days(director, LateSupport)).ToHaveValueAsync("5");
        await Days(director, LateSupport).FillAsync("8");
        await director.ChooseAsync("phap che", Informed, "forInformation");
        await Assertions.Expect(Days(director, Informed)).ToBeHiddenAsync();
        await director.Locator("#recipient-filter").FillAsync("");

        // Efficient on a desktop: each recipient, its role and its deadline on one line.
        var line = await director.Locator(".recipient-row", new() { Has = director.GetByLabel("Vai trò của " + Lead, new() { Exact = true }) }).BoundingBoxAsync();
        Assert.True(line!.Height < 60, $"The row of {Lead} is {line.Height} px high.");
        await Assertions.Expect(director.Locator("#recipient-chosen")).ToContainTextAsync("Đã chọn (4)");
        await director.SaveScreenshotAsync("desktop-forward-several-units");

        // The late support is a warning; the form comes back as it was sent.
        await director.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(director.Locator("#forward-warnings")).ToContainTextAsync(LateSupport);
        await Assertions.Expect(director.GetByLabel("Vai trò của " + LateSupport, new() { Exact = true })).ToHaveValueAsync("support");
        await Assertions.Expect(Days(director, LateSupport)).ToHaveValueAsync("8");
        await Assertions.Expect(Days(director, Lead)).ToHaveValueAsync("5");
        await director.SaveScreenshotAsync("desktop-forward-warning");
        await director.Locator("#confirm-warnings").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(documentUrl);

        var leadDue = await director.DueOfAsync(Lead);
        Assert.NotNull(leadDue);
        Assert.Equal(leadDue, await director.DueOfAsync(Support));
        Assert.NotEqual(leadDue, await director.DueOfAsync(LateSupport));
        Assert.Null(await director.DueOfAsync(Informed));
        IncomingPages.NoConsoleErrors("nvan", errors);
    }

    private static ILocator Days(IPage page, string recipient) => page.GetByLabel("Số ngày làm việc của " + recipient, new() { Exact = true });
}
