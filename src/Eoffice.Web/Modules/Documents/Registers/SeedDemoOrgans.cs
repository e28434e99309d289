using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// In demo mode, gives the demo agency a directory of the organs that usually write to it. The names are real bodies;
/// the electronic identifiers are plausible demo values in the QCVN 102 form, not the official codes.
/// </summary>
public sealed class SeedDemoOrgans(
    EofficeDbContext db,
    IOrganizationDirectory organization,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment) : IStartupSeeder
{
    public static readonly IReadOnlyList<(string Name, string? Code)> Organs =
    [
        ("Ủy ban nhân dân tỉnh Ninh Bình", "000.00.00.H43"),
        ("Văn phòng Ủy ban nhân dân tỉnh Ninh Bình", "000.00.01.H43"),
        ("Sở Tài chính tỉnh Ninh Bình", "000.00.15.H43"),
        ("Sở Kế hoạch và Đầu tư tỉnh Ninh Bình", "000.00.16.H43"),
        ("Sở Xây dựng tỉnh Ninh Bình", "000.00.20.H43"),
        ("Sở Nội vụ tỉnh Ninh Bình", "000.00.12.H43"),
        ("Ủy ban nhân dân thành phố Hoa Lư", "000.00.30.H43"),
        ("Bộ Giao thông vận tải", "000.00.00.G12"),
        ("Cục Đường bộ Việt Nam", "000.00.13.G12"),
        ("Bộ Tài chính", "000.00.00.G09"),
        ("Công an tỉnh Ninh Bình", null),
    ];

    public int Order => 55;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || environment.IsProduction()
            || await organization.FindAgencyByCodeAsync(DemoAgency.Code, cancellationToken) is not { } agency
            || await db.Set<ExternalOrgan>().AnyAsync(o => o.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        db.AddRange(Organs.Select(o => new ExternalOrgan(agency.Id, o.Code, o.Name)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
