using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Modules.Documents.Registers.Reading;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Reading;

/// <summary>
/// <c>GET /api/v1/documents/incoming/proposals?fileId=</c>: only for a registrar and a file the caller may read; the
/// state of the file's text until it is ready; the organ matched against the agency's own directory in the database.
/// </summary>
public abstract class IncomingProposalsEndpointTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task Another_agencys_file_is_not_found_and_a_specialist_may_not_ask()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var foreign = await app.OtherAgencyClerkAsync();
        var theirs = await foreign.UploadPdfAsync(name: "cong-van-la.pdf");

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/documents/incoming/proposals?fileId={theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/documents/incoming/proposals?fileId={Guid.NewGuid()}")).StatusCode);
        var specialist = await app.SignedInDemoAsync("cxtruong");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/api/v1/documents/incoming/proposals?fileId={theirs}")).StatusCode);
    }

    [DbFact]
    public async Task A_file_whose_text_is_not_ready_gets_its_state_and_no_proposal()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var mine = await clerk.UploadPdfAsync(name: "ban-quet.pdf");

        var response = await clerk.GetFromJsonAsync<IncomingProposalResponse>($"/api/v1/documents/incoming/proposals?fileId={mine}");

        Assert.Equal(mine, response!.FileId);
        Assert.NotEqual("ready", response.State);
        Assert.Null(response.Proposal);
    }

    [DbFact]
    public async Task The_organ_is_matched_against_the_agencys_directory_in_the_database()
    {
        var (agencyId, organId) = await app.WithDbAsync(async db => await db.Set<ExternalOrgan>()
            .Where(o => o.Name == "Sở Tài chính tỉnh Ninh Bình").Select(o => new ValueTuple<Guid, Guid>(o.AgencyId, o.Id)).FirstAsync());
        var document = ReadingCorpus.Documents().First(d => d.Expected.OrganName == "Sở Tài chính tỉnh Ninh Bình");

        var proposal = await app.WithServiceAsync<ProposeIncomingFields, IncomingProposal>(p => p.ProposeAsync(agencyId, document.LayoutText(), default));

        Assert.True(proposal.Readable);
        Assert.Equal(organId, proposal.IssuingOrgan?.OrganId);
        Assert.Equal("Sở Tài chính tỉnh Ninh Bình", proposal.IssuingOrgan?.Name);
        Assert.Equal(document.Expected.Number, proposal.Number?.Value);

        var otherAgency = await app.WithServiceAsync<ProposeIncomingFields, IncomingProposal>(p => p.ProposeAsync(Guid.NewGuid(), document.LayoutText(), default));
        Assert.Null(otherAgency.IssuingOrgan?.OrganId);
    }

    [DbFact]
    public async Task Metadata_pasted_in_vni_or_tcvn3_is_registered_in_unicode()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await app.AgencyRegisterIdAsync();

        var vni = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v kieåm tra an toaøn giao thoâng cuoái naêm",
            ("signerFullName", "Nguyeãn Vaên Hoøa")));
        var tcvn3 = await clerk.RegisterOkAsync(RegistrationKit.Body(register, "V/v h\u00ADíng dÉn x©y dùng dù to¸n ng©n s¸ch"));

        var first = await app.LoadIncomingAsync(vni.Id);
        Assert.Equal("V/v kiểm tra an toàn giao thông cuối năm", first.Metadata.Subject);
        Assert.Equal("Nguyễn Văn Hòa", first.Metadata.SignerFullName);
        Assert.Equal("V/v hướng dẫn xây dựng dự toán ngân sách", (await app.LoadIncomingAsync(tcvn3.Id)).Metadata.Subject);
    }

    [DbFact]
    public async Task Unreadable_text_proposes_nothing()
    {
        var agencyId = await app.WithDbAsync(db => db.Set<ExternalOrgan>().Select(o => o.AgencyId).FirstAsync());

        var proposal = await app.WithServiceAsync<ProposeIncomingFields, IncomingProposal>(p => p.ProposeAsync(agencyId, "|||| ~~~ 0O0O ;;;", default));

        Assert.False(proposal.Readable);
        Assert.NotNull(proposal.Reason);
        Assert.Null(proposal.NumberAndSymbol);
        Assert.Null(proposal.IssuingOrgan);
    }
}

public sealed class IncomingProposalsEndpointTestsOnSqlite(SqliteApp app) : IncomingProposalsEndpointTests<SqliteApp>(app);

public sealed class IncomingProposalsEndpointTestsOnPostgres(PostgresApp app) : IncomingProposalsEndpointTests<PostgresApp>(app), IPostgresSuite;
