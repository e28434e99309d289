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
    private static readonly TestParty Clerk = TestParty.Clerk("Đinh Thị Mai");
    private static readonly TestParty Chief = new("Lê Thị Thu Hà");
    private static readonly TestParty Director = new("Nguyễn Văn An");
    private static readonly TestParty Head = new("Phan Văn Hùng", Infrastructure);
    private static readonly TestParty LegalHead = new("Vũ Đức Thắng", Legal);
    private static readonly TestParty Specialist = new("Cao Xuân Trường");
    private static readonly TestParty[] Everyone = [Clerk, Chief, Director, Head, LegalHead, Specialist];

    /// <summary>The flow, one step at a time; a document at step n is rebuilt by replaying steps 1..n.</summary>
    private static readonly (string Name, Action<IncomingDocument> Apply)[] Steps =
    [
        ("registered", _ => { }),
        ("presented to the chief of office", d => d.Present(Clerk, Person(Chief, AssignmentRole.Direct), "Văn bản khẩn", Now)),
        ("passed to the director", d => d.Forward(Chief, null, [Person(Director, AssignmentRole.Direct)], "Kính trình Giám đốc.", Now)),
        ("directed to a lead and a support unit", d => d.Forward(Director, null,
            [
                AssignmentTarget.Unit(Infrastructure, "Phòng Quản lý kết cấu hạ tầng giao thông", AssignmentRole.Lead, new DateOnly(2026, 12, 10)),
                AssignmentTarget.Unit(Legal, "Phòng Pháp chế", AssignmentRole.Support, new DateOnly(2026, 12, 8)),
                Person(Specialist, AssignmentRole.ForInformation),
            ], "Giao Phòng QLKCHT chủ trì, Phòng Pháp chế phối hợp.", Now)),
        ("assigned by the department head", d => d.Forward(Head, null, [Person(Specialist, AssignmentRole.Lead, new DateOnly(2026, 12, 9))], null, Now)),
        ("the support unit gives its opinion", d => d.FinishAndFile(LegalHead, null, "Nhất trí.", null, Now)),
        ("finished by the specialist", d => d.FinishAndFile(Specialist, d.Held(Specialist).First(h => h.Assignment.Role == AssignmentRole.Lead).Assignment.Id,
            "Đã kiểm tra hiện trường.", "Hồ sơ duy tu QL1A năm 2026", Now)),
    ];

    /// <summary>Each action tried with valid input on behalf of <paramref name="party"/>.</summary>
    private static readonly Dictionary<string, Action<IncomingDocument, TestParty>> Attempts = new()
    {
        ["present"] = (d, p) => d.Present(p, Person(Director, AssignmentRole.Direct), null, Now),
        ["forward"] = (d, p) => d.Forward(p, null, [AssignmentTarget.Person(Guid.NewGuid(), "Đồng chí mới", AssignmentRole.Support)], null, Now),
        ["return"] = (d, p) => d.Return(p, null, "Không thuộc thẩm quyền", Now),
        ["feedback"] = (d, p) => d.GiveFeedback(p, null, "Nhất trí với dự thảo.", null, Now),
        ["finish"] = (d, p) => d.FinishAndFile(p, null, "Đã xử lý.", null, Now),
        ["opinion"] = (d, p) => d.AddOpinion(p, null, "Đề nghị bổ sung số liệu.", null, Now),
        ["revoke"] = (d, p) => d.Revoke(p, (d.Assignments.FirstOrDefault(a => d.CanRevoke(p, a.Id) is null) ?? d.Assignments.FirstOrDefault())?.Id ?? Guid.NewGuid(), null, Now),
        ["reply"] = (d, p) => d.RecordReply(p, "V/v trả lời", Now),
        ["grant"] = (d, p) => d.GrantTo(p, Guid.NewGuid(), "Người được chia sẻ", Now),
        ["edit"] = (d, p) => d.AddFile(p, Guid.NewGuid(), new string('a', 64), "ban-quet.pdf", isMain: true, Now),
    };

    public static TheoryData<int, bool> Flow()
    {
        var data = new TheoryData<int, bool>();
        for (var step = 0; step < Steps.Length; step++)
        {
            data.Add(step, false);
            data.Add(step, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Flow))]
    public void At_every_step_each_person_is_offered_exactly_the_actions_that_succeed(int step, bool asksForComments)
    {
        foreach (var party in Everyone)
        {
            var offered = GetIncomingDocument.ActionsFor(party, DocumentAt(step, asksForComments)).Select(a => a.Code).ToHashSet();
            foreach (var (code, attempt) in Attempts)
            {
                var document = DocumentAt(step, asksForComments);
                var refusal = Record.Exception(() => attempt(document, party));
                var what = $"{party.Name}, {code}, after \"{Steps[step].Name}\"{(asksForComments ? " (xin ý kiến)" : "")}";
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
        Assert.DoesNotContain("finish", Codes(DocumentAt(Steps.Length - 1), Head)); // the unit's part ended with its specialist's
        Assert.DoesNotContain("forward", Codes(DocumentAt(Steps.Length - 1), Specialist)); // only the copy for information is left
    }

    private static List<string> Codes(IncomingDocument document, TestParty party) =>
        GetIncomingDocument.ActionsFor(party, document).Select(a => a.Code).ToList();

    private static IncomingDocument DocumentAt(int step, bool asksForComments = false)
    {
        var register = new Register(Agency, null, RegisterKind.Incoming, "Sổ văn bản đến", "VBĐ", Now);
        var metadata = DocumentMetadata.Create(new DocumentMetadataInput
        {
            TypeCode = DocumentTypes.OfficialLetterCode, CodeNumber = "1234", CodeNotation = "STC-QLNS", IssuingOrganName = "Sở Tài chính tỉnh Ninh Bình",
            Subject = "V/v sửa chữa cầu trên quốc lộ 1A", Urgency = "urgent", RequestsComments = asksForComments,
        });
        var document = IncomingDocument.Register(register, 2026, 12, Now, IncomingSource.Paper, metadata, Clerk.Self, Now);
        foreach (var (_, apply) in Steps.Take(step + 1))
        {
            apply(document);
        }

        return document;
    }

    private static AssignmentTarget Person(TestParty who, AssignmentRole role, DateOnly? due = null) =>
        AssignmentTarget.Person(who.UserId, who.Name, role, due);
}
