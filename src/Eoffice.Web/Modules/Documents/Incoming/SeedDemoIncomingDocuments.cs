using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// In demo mode (and unless <see cref="EofficeOptions.DemoSampleDocuments"/> is off), gives the demo agency a few incoming
/// documents in every state of the regulation 000 flow on its first start, so that a newcomer signing in as any demo
/// person finds work in their inbox: waiting to be presented, with the chief of office, with the director, returned,
/// directed to a department with a support unit asked for comments, with a specialist past its deadline, waiting for
/// the project board's clerk, a result waiting for the department head's confirmation, and one finished and filed.
/// Each is registered with the register's next arrival number and moved on by the same domain actions people take, so
/// its history, access list and notifications are those of real work.
/// </summary>
public sealed class SeedDemoIncomingDocuments(
    EofficeDbContext db,
    IOrganizationDirectory organization,
    IPeopleDirectory people,
    NumberAllocator numbers,
    WorkingDayCalendar calendar,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SeedDemoIncomingDocuments> logger) : IStartupSeeder
{
    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || !options.Value.DemoSampleDocuments || environment.IsProduction()
            || await organization.FindAgencyByCodeAsync(DemoAgency.Code, cancellationToken) is not { } agency
            || await db.Set<IncomingDocument>().AnyAsync(d => d.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        var registers = await db.Set<Register>().Where(r => r.AgencyId == agency.Id && r.Kind == RegisterKind.Incoming).ToListAsync(cancellationToken);
        var everyone = await people.PeopleOfAgencyAsync(agency.Id, cancellationToken);
        var units = (await organization.UnitsOfAgencyAsync(agency.Id, cancellationToken)).ToDictionary(u => u.Name, u => u.Id);
        var agencyRegister = registers.FirstOrDefault(r => r.Name == SeedDemoIncoming.AgencyRegisterName);
        var boardRegister = registers.FirstOrDefault(r => r.Name == SeedDemoIncoming.ProjectBoardRegisterName);
        if (agencyRegister is null || boardRegister is null || everyone.Count == 0)
        {
            return;
        }

        var cast = new Cast(agency.Id, everyone, units, agencyRegister);
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var year = today.Year;
        // Moments of the past working days at a given Vietnam hour: what happened "3 working days ago at 9:00".
        DateTime At(int workingDaysAgo, int hour)
        {
            var day = today;
            for (var i = 0; i < workingDaysAgo; i++)
            {
                day = day.AddDays(-1);
                while (!calendar.IsWorkingDay(day))
                {
                    day = day.AddDays(-1);
                }
            }

            var at = VietnamTime.ToUtc(day, new TimeOnly(hour, 0)).UtcDateTime;
            return at <= now ? at : now.AddMinutes(hour - 20); // earlier today than the hour: minutes ago, still in order

        }

        DateOnly Due(int workingDays) => calendar.AddWorkingDays(today, workingDays);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var documents = new List<IncomingDocument>();
        async Task<IncomingDocument> RegisterAsync(string number, string notation, string organ, string type, string subject, DateTime at, string urgency = "normal",
            bool asksForComments = false)
        {
            var arrival = await numbers.NextAsync(agencyRegister.Id, year, NumberSeries.Main, cancellationToken);
            var metadata = DocumentMetadata.Create(new DocumentMetadataInput
            {
                TypeCode = type, CodeNumber = number, CodeNotation = notation, IssuingOrganName = organ, Subject = subject,
                IssuedDate = VietnamTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)).AddDays(-2), Urgency = urgency, RequestsComments = asksForComments,
                PageAmount = 2,
            });
            var document = IncomingDocument.Register(agencyRegister, year, arrival, at, IncomingSource.Paper, metadata, cast.Clerk.Self, at);
            documents.Add(document);
            return document;
        }

        var rules = new HandlingRules(UnitHeadsConfirmResults: true);

        // Chờ trình: just registered; the clerk presents it.
        await RegisterAsync("215", "UBND-KT", "Ủy ban nhân dân tỉnh Ninh Bình", DocumentTypes.OfficialLetterCode,
            "V/v triển khai Kế hoạch bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán", At(0, 8), "urgent");

        // With the chief of office, who screens it and passes it to the director.
        var atChief = await RegisterAsync("1234", "STC-QLNS", "Sở Tài chính tỉnh Ninh Bình", DocumentTypes.OfficialLetterCode,
            "V/v hướng dẫn xây dựng dự toán ngân sách năm sau", At(1, 8));
        atChief.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(1, 9));

        // With the director.
        var atDirector = await RegisterAsync("88", "BGTVT-KCHT", "Bộ Giao thông vận tải", DocumentTypes.OfficialLetterCode,
            "V/v kiểm tra công tác bảo trì quốc lộ ủy thác quản lý", At(1, 8), "urgent");
        atDirector.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(1, 9));
        atDirector.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], "Kính trình Giám đốc xem xét, chỉ đạo.", At(1, 10));

        // Returned by the director to the chief of office, with the reason.
        var returned = await RegisterAsync("46", "GM-CĐ", "Công đoàn ngành Giao thông vận tải", "GM",
            "Mời dự Hội nghị tổng kết phong trào thi đua năm", At(2, 8));
        returned.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(2, 9));
        returned.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], "Kính trình Giám đốc.", At(2, 10));
        returned.Return(cast.Director, null, "Đề nghị Văn phòng báo cáo Phó Giám đốc phụ trách công đoàn.", At(1, 14));

        // Directed to a department, another asked for comments; both leaders have it.
        var directed = await RegisterAsync("512", "UBND-VP", "Văn phòng Ủy ban nhân dân tỉnh Ninh Bình", DocumentTypes.OfficialLetterCode,
            "V/v góp ý dự thảo Quyết định phân cấp quản lý đường địa phương", At(2, 8), asksForComments: true);
        directed.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(2, 9));
        directed.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], "Kính trình Giám đốc.", At(2, 10));
        directed.Forward(cast.Director, null,
            [cast.Unit(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, Due(5)), cast.Unit(DemoAgency.Units.Legal, AssignmentRole.Support, Due(4))],
            "Giao Phòng QLKCHT chủ trì tham mưu góp ý; Phòng Pháp chế phối hợp.", At(2, 15));

        // With a specialist, past its deadline.
        var overdue = await RegisterAsync("301", "SXD-QLCL", "Sở Xây dựng tỉnh Ninh Bình", DocumentTypes.OfficialLetterCode,
            "V/v kiểm tra chất lượng công trình cầu Non Nước", At(12, 8));
        overdue.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(12, 9));
        overdue.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], null, At(12, 10));
        overdue.Forward(cast.Director, null, [cast.Unit(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, Due(-2))], "Giao Phòng QLKCHT kiểm tra, báo cáo.", At(11, 9));
        overdue.Forward(cast.InfrastructureHead, null, [cast.Person(cast.Specialist, AssignmentRole.Lead, Due(-2))], "Đồng chí Trường kiểm tra hiện trường.", At(11, 14));

        // Sent to the project board, which has its own register: it waits for the board's clerk.
        var toBoard = await RegisterAsync("77", "UBND-KT", "Ủy ban nhân dân tỉnh Ninh Bình", "QĐ",
            "Quyết định phê duyệt điều chỉnh dự án đường ĐT.477", At(1, 8));
        toBoard.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(1, 9));
        toBoard.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], null, At(1, 10));
        toBoard.Forward(cast.Director, null, [cast.Unit(DemoAgency.Units.ProjectBoard, AssignmentRole.Lead, Due(10)) with { ReceivingRegisterId = boardRegister.Id }],
            "Giao Ban QLDA triển khai thực hiện.", At(0, 8));

        // The specialist's result waits for the department head's confirmation.
        var toConfirm = await RegisterAsync("19", "CAT-PC08", "Công an tỉnh Ninh Bình", DocumentTypes.OfficialLetterCode,
            "V/v rà soát điểm đen tai nạn giao thông trên quốc lộ 1A", At(6, 8));
        toConfirm.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(6, 9));
        toConfirm.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], null, At(6, 10));
        toConfirm.Forward(cast.Director, null, [cast.Unit(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, Due(3))], null, At(5, 9));
        toConfirm.Forward(cast.InfrastructureHead, null, [cast.Person(cast.SecondSpecialist, AssignmentRole.Lead, Due(2))], null, At(5, 14));
        toConfirm.FinishAndFile(cast.SecondSpecialist, null, "Đã rà soát 4 điểm đen, đề xuất biện pháp khắc phục (báo cáo kèm theo).", null, At(0, 8), rules);

        // Finished, confirmed and filed.
        var done = await RegisterAsync("1502", "STNMT-MT", "Sở Tài nguyên và Môi trường tỉnh Ninh Bình", DocumentTypes.OfficialLetterCode,
            "V/v cung cấp thông tin hành lang an toàn đường bộ", At(9, 8));
        done.Present(cast.Clerk, cast.Person(cast.Chief, AssignmentRole.Direct), null, At(9, 9));
        done.Forward(cast.Chief, null, [cast.Person(cast.Director, AssignmentRole.Direct)], null, At(9, 10));
        done.Forward(cast.Director, null, [cast.Unit(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, Due(-1))], null, At(8, 9));
        done.Forward(cast.InfrastructureHead, null, [cast.Person(cast.Specialist, AssignmentRole.Lead, Due(-2))], null, At(8, 14));
        done.FinishAndFile(cast.Specialist, null, "Đã cung cấp thông tin theo đề nghị.", "Hồ sơ hành lang an toàn đường bộ", At(4, 10), rules);
        done.ConfirmResult(cast.InfrastructureHead, null, "Đồng ý.", At(4, 15), rules);

        db.AddRange(documents);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Count} sample incoming documents registered in '{Agency}'.", documents.Count, agency.FullName);
    }

    /// <summary>The demo people who act in the sample documents, as the incoming-document rules see them.</summary>
    private sealed class Cast(Guid agencyId, IReadOnlyList<PersonInfo> everyone, IReadOnlyDictionary<string, Guid> units, Register agencyRegister)
    {
        public IncomingViewer Clerk { get; } = Viewer(agencyId, everyone, "Đinh Thị Mai", kept: agencyRegister.Id);

        public IncomingViewer Chief { get; } = Viewer(agencyId, everyone, "Lê Thị Thu Hà", led: units[DemoAgency.Units.Office]);

        public IncomingViewer Director { get; } = Viewer(agencyId, everyone, "Nguyễn Văn An");

        public IncomingViewer InfrastructureHead { get; } = Viewer(agencyId, everyone, "Phan Văn Hùng", led: units[DemoAgency.Units.Infrastructure]);

        public IncomingViewer Specialist { get; } = Viewer(agencyId, everyone, "Cao Xuân Trường");

        public IncomingViewer SecondSpecialist { get; } = Viewer(agencyId, everyone, "Đặng Thị Yến");

        public AssignmentTarget Person(IncomingViewer who, AssignmentRole role, DateOnly? due = null) =>
            AssignmentTarget.Person(who.UserId, who.Name, role, due, everyone.First(p => p.Id == who.UserId).UnitId);

        public AssignmentTarget Unit(string name, AssignmentRole role, DateOnly? due) => AssignmentTarget.Unit(units[name], name, role, due);

        private static IncomingViewer Viewer(Guid agencyId, IReadOnlyList<PersonInfo> everyone, string fullName, Guid? led = null, Guid? kept = null)
        {
            var person = everyone.First(p => p.FullName == fullName);
            return new IncomingViewer(person.Id, person.FullName, agencyId, false, new HashSet<Guid>(), false,
                led is { } l ? new HashSet<Guid> { l } : new HashSet<Guid>(), kept is { } k ? new HashSet<Guid> { k } : new HashSet<Guid>(), []);
        }
    }
}
