using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.UnitTests.Documents;

/// <summary>
/// The document page offers an action exactly when the action would be accepted: at every step of the regulation 000
/// flow (Điều 5.2.a: clerk → chief of office → director → department head → specialist), for every person in it, each
/// action of <see cref="GetIncomingDocument.Actions"/> is tried on the document as it stands, and it must succeed when
/// listed and be refused with a rule when not.
/// </summary>
public sealed class IncomingActionListTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid Infrastructure = Guid.NewGuid();
    private static readonly Guid Legal = Guid.NewGuid();
    private static readonly Register AgencyRegister = new(Agency, null, RegisterKind.Incoming, "Sổ văn bản đến", "VBĐ", Now);
    private static readonly Register UnitRegister = new(Agency, Infrastructure, RegisterKind.Incoming, "Sổ văn bản đến của Phòng QLKCHT", "VBĐ-KCHT", Now);
    private static readonly TestParty Clerk = TestParty.ClerkOf("Đinh Thị Mai", AgencyRegister.Id);
    private static readonly TestParty Chief = new("Lê Thị Thu Hà");
    private static readonly TestParty Director = new("Nguyễn Văn An");
    private static readonly TestParty Head = new("Phan Văn Hùng", Infrastructure);
    private static readonly TestParty LegalHead = new("Vũ Đức Thắng", Legal);
    private static readonly TestParty Specialist = new("Cao Xuân Trường");

    private static readonly TestParty UnitClerk = TestParty.ClerkOf("Hoàng Thị Lan", UnitRegister.Id);
    private static readonly TestParty[] Everyone = [Clerk, Chief, Director, Head, LegalHead, Specialist, UnitClerk];

    /// <summary>
    /// The flow, one step at a time; a document at step n is rebuilt by replaying steps 1..n. The agency of the second flow
    /// has unit heads confirm results and the lead department keeps its own register and clerk (regulation 000 Điều 5.2.a).
    /// </summary>
    private static (string Name, Action<IncomingDocument> Apply)[] Steps(bool demoAgency)
    {
        var rules = new HandlingRules(UnitHeadsConfirmResults: demoAgency);
        var lead = AssignmentTarget.Unit(Infrastructure, "Phòng Quản lý kết cấu hạ tầng giao thông", AssignmentRole.Lead, new DateOnly(2026, 12, 10))
            with { ReceivingRegisterId = demoAgency ? UnitRegister.Id : null };
        var specialistsLine = (IncomingDocument d) => d.Assignments.Single(a => a.RecipientUserId == Specialist.UserId && a.Role == AssignmentRole.Lead).Id;
        var steps = new List<(string, Action<IncomingDocument>)>
        {
            ("registered", _ => { }),
            ("presented to the chief of office", d => d.Present(Clerk, Person(Chief, AssignmentRole.Direct), "Văn bản khẩn", Now)),
            ("passed to the director", d => d.Forward(Chief, null, [Person(Director, AssignmentRole.Direct)], "Kính trình Giám đốc.", Now)),
            ("directed to a lead and a support unit", d => d.Forward(Director, null,
                [
                    lead,
                    AssignmentTarget.Unit(Legal, "Phòng Pháp chế", AssignmentRole.Support, new DateOnly(2026, 12, 8)),
                    Person(Specialist, AssignmentRole.ForInformation),
                ], "Giao Phòng QLKCHT chủ trì, Phòng Pháp chế phối hợp.", Now)),
        };
        if (demoAgency)
        {
            steps.Add(("received by the unit's clerk", d => d.ReceiveForUnit(UnitClerk, null, UnitRegister, 2026, 1, null, Now)));
        }

        steps.Add(("assigned by the department head", d => d.Forward(Head, null, [Person(Specialist, AssignmentRole.Lead, new DateOnly(2026, 12, 9))], null, Now)));
        steps.Add(("the support unit gives its opinion", d => d.FinishAndFile(LegalHead, null, "Nhất trí.", null, Now, rules)));
        steps.Add(("finished by the specialist", d => d.FinishAndFile(Specialist, specialistsLine(d), "Đã kiểm tra hiện trường.", "Hồ sơ duy tu QL1A năm 2026", Now, rules)));
        if (demoAgency)
        {
            steps.Add(("sent back for rework by the department head", d => d.RequestRework(Head, null, "Bổ sung ảnh hiện trường.", Now)));
            steps.Add(("finished again by the specialist", d => d.FinishAndFile(Specialist, specialistsLine(d), "Đã bổ sung ảnh.", null, Now, rules)));
            steps.Add(("the result confirmed by the department head", d => d.ConfirmResult(Head, null, null, Now, rules)));
        }

        return [.. steps];
    }

    /// <summary>Each action tried with valid input on behalf of a party, under the agency's rules.</summary>
    private static Dictionary<string, Action<IncomingDocument, TestParty>> Attempts(bool demoAgency)
    {
        var rules = new HandlingRules(UnitHeadsConfirmResults: demoAgency);
        return new()
        {
            ["present"] = (d, p) => d.Present(p, Person(Director, AssignmentRole.Direct), null, Now),
            ["forward"] = (d, p) => d.Forward(p, null, [AssignmentTarget.Person(Guid.NewGuid(), "Đồng chí mới", AssignmentRole.Support)], null, Now),
            ["return"] = (d, p) => d.Return(p, null, "Không thuộc thẩm quyền", Now),
            ["feedback"] = (d, p) => d.GiveFeedback(p, null, "Nhất trí với dự thảo.", null, Now),
            ["finish"] = (d, p) => d.FinishAndFile(p, null, "Đã xử lý.", null, Now, rules),
            ["opinion"] = (d, p) => d.AddOpinion(p, null, "Đề nghị bổ sung số liệu.", null, Now),
            ["revoke"] = (d, p) => d.Revoke(p, (d.Assignments.FirstOrDefault(a => d.CanRevoke(p, a.Id) is null) ?? d.Assignments.FirstOrDefault())?.Id ?? Guid.NewGuid(), null, Now),
            ["reply"] = (d, p) => d.RecordReply(p, "V/v trả lời", Now),
            ["grant"] = (d, p) => d.GrantTo(p, Guid.NewGuid(), "Người được chia sẻ", Now),
            ["edit"] = (d, p) => d.AddFile(p, Guid.NewGuid(), new string('a', 64), "ban-quet.pdf", isMain: true, Now),
            ["receive"] = (d, p) => d.ReceiveForUnit(p, null, UnitRegister, 2026, 7, null, Now),
            ["confirm"] = (d, p) => d.ConfirmResult(p, null, "Đồng ý kết quả.", Now, rules),
            ["rework"] = (d, p) => d.RequestRework(p, null, "Làm rõ số liệu.", Now),
        };
    }

    public static TheoryData<bool, int, bool> Flow()
    {
        var data = new TheoryData<bool, int, bool>();
        foreach (var demoAgency in new[] { false, true })
        {
            for (var step = 0; step < Steps(demoAgency).Length; step++)
            {
                data.Add(demoAgency, step, false);
                data.Add(demoAgency, step, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Flow))]
    public void At_every_step_each_person_is_offered_exactly_the_actions_that_succeed(bool demoAgency, int step, bool asksForComments)
    {
        var offeredCodes = GetIncomingDocument.Actions.Select(a => a.Code).ToHashSet();
        Assert.Equal(offeredCodes.Order(), Attempts(demoAgency).Keys.Order()); // every action of the page is tried
        foreach (var party in Everyone)
        {
            var offered = GetIncomingDocument.ActionsFor(party, DocumentAt(step, asksForComments, demoAgency)).Select(a => a.Code).ToHashSet();
            foreach (var (code, attempt) in Attempts(demoAgency))
            {
                var document = DocumentAt(step, asksForComments, demoAgency);
                var refusal = Record.Exception(() => attempt(document, party));
                var what = $"{party.Name}, {code}, after \"{Steps(demoAgency)[step].Name}\"{(demoAgency ? " (demo agency)" : "")}{(asksForComments ? " (xin ý kiến)" : "")}";
                if (offered.Contains(code))
                {
                    Assert.True(refusal is null, $"{what}: offered but refused: {refusal?.Message}");
                }
                else
                {
                    Assert.True(refusal is RuleException, $"{what}: not offered but {(refusal is null ? "accepted" : refusal.GetType().Name)}");
                }
            }
        }
    }

    [Fact]
    public void The_flow_offers_each_role_its_own_work()
    {
        Assert.Contains("present", Codes(DocumentAt(0), Clerk));
        Assert.DoesNotContain("present", Codes(DocumentAt(0), Director));
        Assert.Equal(["forward", "return", "finish"], Codes(DocumentAt(1), Chief).Intersect(["forward", "return", "finish"]));
        Assert.Contains("revoke", Codes(DocumentAt(2), Chief));
        Assert.Contains("forward", Codes(DocumentAt(3), Head));
        Assert.DoesNotContain("forward", Codes(DocumentAt(3), Specialist)); // for information only
        Assert.Contains("finish", Codes(DocumentAt(3), Specialist));
        Assert.Contains("feedback", Codes(DocumentAt(3, asksForComments: true), LegalHead));
        Assert.DoesNotContain("feedback", Codes(DocumentAt(3), LegalHead));
        Assert.DoesNotContain("finish", Codes(DocumentAt(Steps(false).Length - 1), Head)); // the unit's part ended with its specialist's
        Assert.DoesNotContain("forward", Codes(DocumentAt(Steps(false).Length - 1), Specialist)); // only the copy for information is left
    }

    [Fact]
    public void In_the_demo_agency_the_unit_clerk_receives_and_the_head_confirms_or_sends_back()
    {
        var directed = DocumentAt(3, demoAgency: true);
        Assert.Equal(["receive"], Codes(directed, UnitClerk).Intersect(["receive", "forward", "finish"]));
        Assert.DoesNotContain("forward", Codes(directed, Head)); // the unit's part waits for its clerk
        Assert.DoesNotContain("receive", Codes(directed, Clerk)); // the agency's clerk does not keep the unit's register

        var finished = DocumentAt(7, demoAgency: true);
        Assert.Equal(["confirm", "rework"], Codes(finished, Head).Intersect(["finish", "confirm", "rework"]));
        Assert.NotEqual(AssignmentStatus.Done, finished.Assignments.Single(a => a.RecipientUserId == Director.UserId).Status); // waits for the unit's part
        Assert.Equal(AssignmentStatus.Done, finished.Assignments.Single(a => a.RecipientUserId == Specialist.UserId && a.Role == AssignmentRole.Lead).Status);
        Assert.Equal(AssignmentAwaiting.ResultConfirmation, finished.Assignments.Single(a => a.RecipientUnitId == Infrastructure).Awaiting);

        var reworked = DocumentAt(8, demoAgency: true);
        Assert.Contains("finish", Codes(reworked, Specialist));
        Assert.DoesNotContain("confirm", Codes(reworked, Head));

        var confirmed = DocumentAt(10, demoAgency: true);
        Assert.All(confirmed.Assignments.Where(a => a.Role != AssignmentRole.ForInformation), a => Assert.Equal(AssignmentStatus.Done, a.Status));
    }

    private static List<string> Codes(IncomingDocument document, TestParty party) =>
        GetIncomingDocument.ActionsFor(party, document).Select(a => a.Code).ToList();

    private static IncomingDocument DocumentAt(int step, bool asksForComments = false, bool demoAgency = false)
    {
        var metadata = DocumentMetadata.Create(new DocumentMetadataInput
        {
            TypeCode = DocumentTypes.OfficialLetterCode, CodeNumber = "1234", CodeNotation = "STC-QLNS", IssuingOrganName = "Sở Tài chính tỉnh Ninh Bình",
            Subject = "V/v sửa chữa cầu trên quốc lộ 1A", Urgency = "urgent", RequestsComments = asksForComments,
        });
        var document = IncomingDocument.Register(AgencyRegister, 2026, 12, Now, IncomingSource.Paper, metadata, Clerk.Self, Now);
        foreach (var (_, apply) in Steps(demoAgency).Take(step + 1))
        {
            apply(document);
        }

        return document;
    }

    private static AssignmentTarget Person(TestParty who, AssignmentRole role, DateOnly? due = null) =>
        AssignmentTarget.Person(who.UserId, who.Name, role, due);
}
