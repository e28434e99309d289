using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents.Lists;

/// <summary>Drives the incoming aggregate (through <see cref="IncomingTestKit.ActOnIncomingAsync"/>) and reads the lists through the API.</summary>
internal static class ListsTestKit
{
    private static async Task<Guid> ActAsync(this EofficeApp app, Guid documentId, string userName, Func<IncomingDocument, KitParty, DateTime, Guid?> action)
    {
        var actor = await app.ActorAsync(userName);
        Guid? result = null;
        await app.ActOnIncomingAsync(documentId, (d, now) => result = action(d, actor, now));
        return result ?? Guid.Empty;
    }

    public static async Task<AssignmentTarget> PersonAsync(this EofficeApp app, string userName, AssignmentRole role, DateOnly? due = null, string? unit = null)
    {
        var id = await app.DemoUserIdAsync(userName);
        var name = await app.WithDbAsync(db => db.Set<User>().Where(u => u.Id == id).Select(u => u.FullName).SingleAsync());
        return AssignmentTarget.Person(id, name, role, due, unit is null ? null : await app.DemoUnitIdAsync(unit));
    }

    public static async Task<AssignmentTarget> UnitAsync(this EofficeApp app, string unitName, AssignmentRole role, DateOnly? due = null) =>
        AssignmentTarget.Unit(await app.DemoUnitIdAsync(unitName), unitName, role, due);

    /// <summary>Presents the document to <paramref name="leader"/>; returns the new assignment.</summary>
    public static async Task<Guid> PresentAsync(this EofficeApp app, Guid documentId, string leader, DateOnly? due = null, string clerk = "dtmai")
    {
        var target = await app.PersonAsync(leader, AssignmentRole.Direct, due);
        return await app.ActAsync(documentId, clerk, (d, actor, now) => d.Present(actor, target, null, now).Id);
    }

    /// <summary>The holder's (or the unit leader's) active assignment is forwarded to <paramref name="targets"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> ForwardAsync(this EofficeApp app, Guid documentId, string userName, Guid fromAssignment, params AssignmentTarget[] targets)
    {
        var created = new List<Guid>();
        await app.ActAsync(documentId, userName, (d, actor, now) =>
        {
            created.AddRange(d.Forward(actor, fromAssignment, targets, "Đề nghị xử lý.", now).Select(a => a.Id));
            return null;
        });
        return created;
    }

    public static Task FinishAsync(this EofficeApp app, Guid documentId, string userName, Guid assignment) =>
        app.ActAsync(documentId, userName, (d, actor, now) =>
        {
            d.FinishAndFile(actor, assignment, "Đã xử lý xong.", null, now);
            return null;
        });

    public static async Task<IncomingListPage> ListAsync(this HttpClient client, string box, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/documents/incoming?box={box}{query}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IncomingListPage>())!;
    }

    /// <summary>Every row of a list, following the cursor page by page.</summary>
    public static async Task<List<IncomingListRow>> ListAllAsync(this HttpClient client, string box, string query, int pageSize)
    {
        var rows = new List<IncomingListRow>();
        string? after = null;
        for (var i = 0; i < 100; i++)
        {
            var page = await client.ListAsync(box, $"{query}&pageSize={pageSize}{(after is null ? "" : "&after=" + after)}");
            rows.AddRange(page.Items);
            if (!page.HasMore)
            {
                return rows;
            }

            after = page.NextCursor;
        }

        throw new InvalidOperationException("Paging did not end.");
    }
}
