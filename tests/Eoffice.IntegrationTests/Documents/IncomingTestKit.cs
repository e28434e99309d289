using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents;

/// <summary>
/// Intents shared by the incoming-document tests: demo people and units by name, and a document registered straight
/// through the domain (as the registration use case does) for tests that are about what happens after registration.
/// Demo people sign in with <see cref="DemoPassword"/>: dtmai (văn thư), lttha (chánh văn phòng), nvan (giám đốc),
/// ttbhanh/pqkhanh (phó giám đốc), pvhung (trưởng phòng kết cấu hạ tầng), cxtruong (chuyên viên of that department),
/// dddat (trưởng phòng kế hoạch - tài chính), nvana (chuyên viên KH-TC), ktloan (văn thư Ban QLDA).
/// </summary>
internal static class IncomingTestKit
{
    public const string DemoPassword = "Eoffice@2026";

    public static Task<HttpClient> SignedInDemoAsync(this EofficeApp app, string userName) => app.SignedInClientAsync(userName, DemoPassword);

    public static Task<Guid> DemoUserIdAsync(this EofficeApp app, string userName) =>
        app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static Task<Guid> DemoUnitIdAsync(this EofficeApp app, string unitName) =>
        app.WithDbAsync(db => db.Set<Unit>()
            .Where(u => u.Name == unitName && db.Set<Agency>().Any(a => a.Id == u.AgencyId && a.Code == DemoAgency.Code))
            .Select(u => u.Id).SingleAsync());

    /// <summary>The demo agency's own incoming register ("Sổ văn bản đến", kept by dtmai).</summary>
    public static Task<Guid> AgencyRegisterIdAsync(this EofficeApp app) =>
        app.WithDbAsync(db => db.Set<Register>().Where(r => r.Name == SeedDemoIncoming.AgencyRegisterName).Select(r => r.Id).SingleAsync());

    /// <summary>Registers a document in the demo agency's register (or the one named) as dtmai would, with the next arrival number.</summary>
    public static async Task<Guid> RegisterDirectAsync(
        this EofficeApp app,
        string subject,
        Urgency urgency = Urgency.Normal,
        string? codeNumber = null,
        string? codeNotation = "UBND-KT",
        string organ = "Ủy ban nhân dân tỉnh Ninh Bình",
        bool requestsComments = false,
        string typeCode = DocumentTypes.OfficialLetterCode,
        DateTime? arrivalAt = null,
        string clerkUserName = "dtmai",
        Guid? registerId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<NumberAllocator>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var clerk = await db.Set<User>().SingleAsync(u => u.UserName == clerkUserName);
        var register = await db.Set<Register>().SingleAsync(r => (registerId == null || r.Id == registerId)
            && db.Set<RegisterKeeper>().Any(k => k.RegisterId == r.Id && k.UserId == clerk.Id) && r.Kind == RegisterKind.Incoming);
        var now = time.GetUtcNow().UtcDateTime;
        var arrival = arrivalAt ?? now;
        var metadata = DocumentMetadata.Create(new DocumentMetadataInput
        {
            TypeCode = typeCode, CodeNumber = codeNumber ?? Random.Shared.Next(1, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CodeNotation = codeNotation, IssuedDate = DateOnly.FromDateTime(arrival.AddDays(-2)), IssuingOrganName = organ, Subject = subject, PageAmount = 2,
            SignerPosition = "Chủ tịch", SignerFullName = "Nguyễn Văn Hòa", Urgency = UrgencyNames.Code(urgency), RequestsComments = requestsComments,
        });
        await using var transaction = await db.Database.BeginTransactionAsync();
        var year = VietnamTime.DateOf(new DateTimeOffset(arrival, TimeSpan.Zero)).Year;
        var number = await numbers.NextAsync(register.Id, year, NumberSeries.Main, default);
        var document = IncomingDocument.Register(register, year, number, arrival, IncomingSource.Paper, metadata,
            new Actor(clerk.Id, clerk.FullName), now);
        db.Add(document);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return document.Id;
    }

    /// <summary>
    /// Loads the document with its children in a scope, lets <paramref name="act"/> change it through the aggregate and
    /// saves: for tests about what comes after an action rather than about the action's endpoint.
    /// </summary>
    public static async Task ActOnIncomingAsync(this EofficeApp app, Guid documentId, Action<IncomingDocument, DateTime> act)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var document = await db.Set<IncomingDocument>()
            .Include(d => d.Assignments).Include(d => d.Events).Include(d => d.Access).Include(d => d.Attachments).Include(d => d.UnitReceipts)
            .AsSplitQuery().SingleAsync(d => d.Id == documentId);
        act(document, now);
        await db.SaveChangesAsync();
    }

    /// <summary>A demo person acting on the aggregate in a test that names the assignment to act on (see <see cref="KitParty"/>).</summary>
    public static async Task<KitParty> ActorAsync(this EofficeApp app, string userName) =>
        new(await app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == userName).Select(u => new Actor(u.Id, u.FullName)).SingleAsync()));

    /// <summary>The document as stored, with its assignments, history and access list.</summary>
    public static Task<IncomingDocument> LoadIncomingAsync(this EofficeApp app, Guid documentId) =>
        app.WithDbAsync(db => db.Set<IncomingDocument>().AsNoTracking()
            .Include(d => d.Assignments).Include(d => d.Events).Include(d => d.Access).Include(d => d.Attachments).Include(d => d.UnitReceipts)
            .AsSplitQuery().SingleAsync(d => d.Id == documentId));
}

/// <summary>
/// A person driving the aggregate in a test about what comes after an action (lists, outputs, reminders): the test names
/// the assignment, and the party may act on it and take back what it sent whoever holds it; who may do what is the
/// subject of the handling tests, through the API.
/// </summary>
internal sealed record KitParty(Actor Actor) : IIncomingParty
{
    public Guid UserId => Actor.UserId;

    public Actor Self => Actor;

    public bool AgencyWideTracker => false;

    public Actor? ActorFor(Assignment assignment) => Actor;

    public Actor? SenderFor(Assignment assignment) => Actor;

    public bool Keeps(Guid registerId) => true;
}
