using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// One row of an import report: its row number in the file, the name read, its status — "valid" (checked, but nothing
/// was written because another row failed), "error" or "created" — the problems found, the user name it gets, and for
/// created rows the temporary password, shown once in this report.
/// </summary>
public sealed record ImportRowResult(int Row, string FullName, string Status, IReadOnlyList<string> Messages, string? UserName, string? TemporaryPassword);

/// <summary>The outcome of an import: every row with its status, or the reason the file could not be read.</summary>
public sealed record ImportReport(bool Succeeded, string? FileError, int Created, IReadOnlyList<ImportRowResult> Rows)
{
    public int ErrorCount => Rows.Count(r => r.Status == "error");
}

/// <summary>
/// The administrator imports a staff list (.xlsx or .csv): units and positions are matched by name within the agency
/// (without case or tone marks), every row is checked and reported; if any row is invalid nothing is written, else
/// everyone is created in one transaction with user names by the rule (collisions resolved against existing accounts
/// and the earlier rows of the file) and temporary passwords shown once in the report.
/// <c>POST /api/v1/people/import?format=xlsx|csv</c> (the file as the request body), the template at
/// <c>GET /api/v1/people/import/template?format=</c>, and the page /quan-tri/can-bo/nhap.
/// </summary>
public sealed class ImportPeople(
    EofficeDbContext db,
    PeopleScope scope,
    IOrganizationDirectory organization,
    IPasswordHasher<User> hasher,
    RoleGrants roleGrants,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    public const string Valid = "valid";
    public const string Error = "error";
    public const string CreatedStatus = "created";

    public async Task<ImportReport> HandleAsync(byte[] content, StaffFileFormat format, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        if (content.LongLength > StaffFile.MaxBytes)
        {
            return new ImportReport(false, $"Tệp lớn hơn {StaffFile.MaxBytes / 1024 / 1024} MB.", 0, []);
        }

        var file = StaffFile.Read(content, format);
        if (file.Error is not null)
        {
            return new ImportReport(false, file.Error, 0, []);
        }

        var plans = await CheckAsync(agencyId, file.Rows, cancellationToken);
        if (plans.Any(p => p.Messages.Count > 0))
        {
            return new ImportReport(false, null, 0, plans.Select(p => p.Result(p.Messages.Count > 0 ? Error : Valid, null)).ToList());
        }

        // Hash before the commit: it is the slow part and needs no lock.
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<(RowPlan Plan, User User, string Password, IReadOnlyList<RoleGrants.Grant> Grants)>();
        foreach (var plan in plans)
        {
            var user = new User(plan.UserName!, plan.Row.FullName, now, agencyId)
            {
                Email = PersonRules.Clean(plan.Row.Email),
                Phone = PersonRules.Clean(plan.Row.Phone),
            };
            user.PlaceIn(agencyId, plan.Unit!.Id, plan.Position!.Id);
            var password = PasswordPolicy.GenerateTemporary();
            user.SetPasswordHash(hasher.HashPassword(user, password), changedAt: null, mustChange: true);
            created.Add((plan, user, password, PersonRules.GrantsFor(plan.Roles, plan.Unit)));
        }

        db.AddRange(created.Select(c => c.User));
        await roleGrants.GrantAllAsync(
            created.Select(c => new RoleGrants.PersonGrants(c.User, c.Grants, $"nhập danh sách cán bộ, dòng {c.Plan.Row.RowNumber}")).ToList(), cancellationToken);
        var entries = created
            .Select(c => new AuditEvent("identity.person.create", "user", c.User.Id.ToString(),
                Details: $"{PersonRules.CreatedDetails(c.User, c.Plan.Unit!, c.Plan.Position!, c.Grants)} | import row {c.Plan.Row.RowNumber}"))
            .Append(new AuditEvent("identity.people.import", "agency", agencyId.ToString(),
                Details: $"{created.Count} people from a {format.ToString().ToLowerInvariant()} file"))
            .ToList();
        try
        {
            await unitOfWork.CommitWithEntriesAsync(entries, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A user name was taken by someone else between the check and now: nothing of the import is kept.
            db.ChangeTracker.Clear();
            var names = created.Select(c => c.User.UserName).ToList();
            var taken = (await db.Set<User>().AsNoTracking().Select(u => u.UserName).ToListAsync(cancellationToken)).Intersect(names).ToHashSet();
            return new ImportReport(false, "Một số tên đăng nhập vừa được dùng cho người khác trong lúc nhập; chưa cán bộ nào được thêm. Vui lòng nhập lại.", 0,
                created.Select(c => c.Plan.Result(taken.Contains(c.User.UserName) ? Error : Valid, null)).ToList());
        }

        return new ImportReport(true, null, created.Count, created.Select(c => c.Plan.Result(CreatedStatus, c.Password)).ToList());
    }

    private sealed class RowPlan(StaffRow row)
    {
        public StaffRow Row { get; } = row;

        public List<string> Messages { get; } = [];

        public UnitInfo? Unit { get; set; }

        public PositionInfo? Position { get; set; }

        public List<string> Roles { get; } = [];

        public string? UserName { get; set; }

        public ImportRowResult Result(string status, string? password) =>
            new(Row.RowNumber, Row.FullName, status, Messages.ToList(), UserName, password);
    }

    private async Task<List<RowPlan>> CheckAsync(Guid agencyId, IReadOnlyList<StaffRow> rows, CancellationToken cancellationToken)
    {
        var units = (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).Where(u => u.IsActive).ToLookup(u => VietnameseText.Fold(u.Name));
        var positions = (await organization.PositionsOfAgencyAsync(agencyId, cancellationToken)).Where(p => p.IsActive).ToLookup(p => VietnameseText.Fold(p.Name));
        var existing = (await db.Set<User>().AsNoTracking().Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var typedNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var plans = new List<RowPlan>();

        foreach (var row in rows)
        {
            var plan = new RowPlan(row);
            plans.Add(plan);
            AddIf(plan, PersonRules.FullNameError(row.FullName));
            plan.Unit = Match(plan, units, row.Unit, "đơn vị");
            plan.Position = Match(plan, positions, row.Position, "chức vụ");
            AddIf(plan, PersonRules.EmailError(row.Email));
            AddIf(plan, PersonRules.PhoneError(row.Phone));
            foreach (var text in row.Roles.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (PersonRules.ParseRole(text) is { } role)
                {
                    if (!plan.Roles.Contains(role))
                    {
                        plan.Roles.Add(role);
                    }
                }
                else
                {
                    plan.Messages.Add($"Vai trò không hợp lệ: “{text}”.");
                }
            }

            if (row.UserName.Length > 0)
            {
                var userName = row.UserName.Trim();
                if (PersonRules.UserNameError(userName) is { } error)
                {
                    plan.Messages.Add(error);
                }
                else if (existing.Contains(userName))
                {
                    plan.Messages.Add($"Tên đăng nhập “{userName}” đã có người dùng.");
                }
                else if (typedNames.TryGetValue(userName, out var earlier))
                {
                    plan.Messages.Add($"Tên đăng nhập “{userName}” trùng với dòng {earlier}.");
                }
                else
                {
                    typedNames[userName] = row.RowNumber;
                    plan.UserName = userName;
                }
            }
        }

        // Generated names avoid existing accounts, names typed anywhere in the file and names generated for earlier rows.
        var taken = new HashSet<string>(existing.Concat(typedNames.Keys), StringComparer.Ordinal);
        foreach (var plan in plans.Where(p => p.UserName is null && p.Row.UserName.Length == 0 && UserNameGenerator.Base(p.Row.FullName).Length > 0))
        {
            plan.UserName = UserNameGenerator.Generate(plan.Row.FullName, taken.Contains);
            taken.Add(plan.UserName);
        }

        return plans;
    }

    private static void AddIf(RowPlan plan, string? message)
    {
        if (message is not null)
        {
            plan.Messages.Add(message);
        }
    }

    private static T? Match<T>(RowPlan plan, ILookup<string, T> byName, string name, string what)
        where T : class
    {
        if (name.Length == 0)
        {
            plan.Messages.Add($"Thiếu tên {what}.");
            return null;
        }

        var matches = byName[VietnameseText.Fold(name)].ToList();
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                plan.Messages.Add($"Không tìm thấy {what} “{name}” (hoặc {what} đã ngừng hoạt động).");
                return null;
            default:
                plan.Messages.Add($"Có nhiều {what} cùng tên “{name}”; hãy đổi tên để phân biệt rồi nhập lại.");
                return null;
        }
    }

    /// <summary>The empty template with the column names, in either format.</summary>
    public static (byte[] Content, string ContentType, string FileName) Template(StaffFileFormat format) => format == StaffFileFormat.Xlsx
        ? (StaffFile.WriteXlsx([StaffFile.Columns]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhap-can-bo.xlsx")
        : (StaffFile.WriteCsv([StaffFile.Columns]), "text/csv; charset=utf-8", "mau-nhap-can-bo.csv");

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/import", async Task<Results<Ok<ImportReport>, ProblemHttpResult>> (string? format, HttpRequest http, ImportPeople handler, CancellationToken ct) =>
            {
                if (StaffFile.ParseFormat(format) is not { } parsed)
                {
                    return TypedResults.Problem(title: "Vui lòng chọn định dạng tệp: format=xlsx hoặc format=csv.", statusCode: StatusCodes.Status400BadRequest);
                }

                if (http.ContentLength > StaffFile.MaxBytes)
                {
                    return TypedResults.Problem(title: $"Tệp lớn hơn {StaffFile.MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                var content = await BoundedRead.ReadAtMostAsync(http.Body, StaffFile.MaxBytes, ct);
                if (content is null)
                {
                    return TypedResults.Problem(title: $"Tệp lớn hơn {StaffFile.MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                var report = await handler.HandleAsync(content, parsed, ct);
                if (report.Succeeded)
                {
                    return TypedResults.Ok(report);
                }

                return TypedResults.Problem(
                    title: report.FileError ?? $"Tệp có {report.ErrorCount} dòng không hợp lệ; chưa cán bộ nào được thêm.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["rows"] = report.Rows, ["errorCount"] = report.ErrorCount });
            })
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .Accepts<byte[]>("application/octet-stream", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithName("ImportPeople")
            .WithSummary("Nhập danh sách cán bộ từ tệp .xlsx hoặc .csv (nội dung tệp trong thân yêu cầu); có dòng lỗi thì không thêm ai.");

        group.MapGet("/import/template", Results<FileContentHttpResult, ProblemHttpResult> (string? format) =>
                StaffFile.ParseFormat(format) is { } parsed && Template(parsed) is var (content, type, name)
                    ? TypedResults.File(content, type, name)
                    : TypedResults.Problem(title: "Vui lòng chọn định dạng tệp: format=xlsx hoặc format=csv.", statusCode: StatusCodes.Status400BadRequest))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .WithName("GetPeopleImportTemplate")
            .WithSummary("Tải tệp mẫu nhập cán bộ (.xlsx hoặc .csv).");
    }
}
