using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.UnitTests.Documents;

/// <summary>The incoming document's handling rules, on the aggregate alone: each action guards the current state.</summary>
public sealed class IncomingDocumentTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid Department = Guid.NewGuid();
    private static readonly Guid OtherDepartment = Guid.NewGuid();
    private static readonly TestParty Clerk = TestParty.Clerk("Đinh Thị Mai");
    private static readonly TestParty OfficeChief = new("Lê Thị Thu Hà");
    private static readonly TestParty Director = new("Nguyễn Văn An");
    private static readonly TestParty Head = new("Phan Văn Hùng", Department, OtherDepartment);
    private static readonly TestParty Specialist = new("Cao Xuân Trường");

    private static IncomingDocument NewDocument(bool requestsComments = false, Urgency urgency = Urgency.Normal)
    {
        var register = new Register(Agency, null, RegisterKind.Incoming, "Sổ văn bản đến", "VBĐ", Now);
        var metadata = DocumentMetadata.Create(new DocumentMetadataInput
        {
            TypeCode = DocumentTypes.OfficialLetterCode, CodeNumber = "125", CodeNotation = "UBND-KT", IssuedDate = new DateOnly(2026, 11, 20),
            IssuingOrganName = "Ủy ban nhân dân tỉnh Ninh Bình", Subject = "V/v kiểm tra an toàn giao thông cuối năm", PageAmount = 2,
            SignerPosition = "Chủ tịch", SignerFullName = "Nguyễn Văn Hòa", Urgency = UrgencyNames.Code(urgency), RequestsComments = requestsComments,
        });
        return IncomingDocument.Register(register, 2026, 7, Now, IncomingSource.Paper, metadata, Clerk.Self, Now);
    }

    private static AssignmentTarget Person(TestParty who, AssignmentRole role, DateOnly? due = null, Guid? unit = null) =>
        AssignmentTarget.Person(who.UserId, who.Name, role, due, unit);

    [Fact]
    public void A_registered_document_waits_for_presentation_and_only_its_clerk_can_see_it()
    {
        var document = NewDocument();

        Assert.Equal(IncomingStatus.Registered, document.Status);
        Assert.Equal(7, document.ArrivalNumber);
        Assert.Equal("125/UBND-KT", document.CodeText);
        Assert.Equal("v/v kiem tra an toan giao thong cuoi nam", document.SubjectFolded);
        Assert.Equal([Clerk.UserId], document.Access.Select(a => a.PrincipalId));
    }

    [Fact]
    public void Replacing_the_scan_puts_the_new_file_in_its_place_and_keeps_the_old_one_in_the_history_and_only_a_keeper_may()
    {
        var document = NewDocument();
        var blurred = Guid.NewGuid();
        var annex = Guid.NewGuid();
        var sharp = Guid.NewGuid();
        document.Attach(blurred, new string('a', 64), "ban-quet-mo.pdf", isMain: true, Clerk.Self, Now);
        document.AddFile(Clerk, annex, new string('b', 64), "phu-luc.pdf", isMain: false, Now);

        Assert.Equal(RuleKind.Forbidden,
            Assert.Throws<RuleException>(() => document.ReplaceMainFile(Director, sharp, new string('c', 64), "ban-quet-ro.pdf", Now)).Kind);
        document.ReplaceMainFile(Clerk, sharp, new string('c', 64), "ban-quet-ro.pdf", Now);

        Assert.Equal([(sharp, true), (annex, false)], document.Attachments.OrderBy(a => a.SortOrder).Select(a => (a.FileId, a.IsMain)));
        var replaced = Assert.Single(document.Events, e => e.FileId == blurred);
        Assert.Equal(IncomingEventKinds.Edited, replaced.Kind);
        Assert.Contains("\"ban-quet-mo.pdf\" được thay bằng \"ban-quet-ro.pdf\"", replaced.Text, StringComparison.Ordinal);
        Assert.Equal(RuleKind.Conflict, Assert.Throws<RuleException>(() => document.ReplaceMainFile(Clerk, annex, new string('b', 64), "phu-luc.pdf", Now)).Kind);
    }

    [Fact]
    public void Presenting_twice_while_the_first_presentation_is_being_handled_is_refused()
    {
        var document = NewDocument();
        document.Present(Clerk, Person(OfficeChief, AssignmentRole.Direct), null, Now);

        var error = Assert.Throws<RuleException>(() => document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now));
        Assert.Equal(RuleKind.Conflict, error.Kind);
        Assert.Equal(IncomingStatus.InProgress, document.Status);
    }

    [Fact]
    public void Finishing_the_lead_completes_the_chain_above_it_and_the_document()
    {
        var document = NewDocument();
        var screening = document.Present(Clerk, Person(OfficeChief, AssignmentRole.Direct), null, Now);
        var direction = document.Forward(OfficeChief, screening.Id, [Person(Director, AssignmentRole.Direct)], null, Now).Single();
        var due = new DateOnly(2026, 11, 30);
        var toUnit = document.Forward(Director, direction.Id, [AssignmentTarget.Unit(Department, "Phòng Kết cấu hạ tầng", AssignmentRole.Lead, due)],
            "Giao phòng KCHT chủ trì, báo cáo trước 30/11.", Now).Single();
        Assert.Equal(due, document.Metadata.DueDate);

        var toSpecialist = document.Forward(Head, toUnit.Id, [Person(Specialist, AssignmentRole.Lead, due.AddDays(-2), Department)], null, Now).Single();
        document.FinishAndFile(Specialist, toSpecialist.Id, "Đã kiểm tra, báo cáo kèm theo.", null, Now.AddHours(3));

        Assert.All(document.Assignments, a => Assert.Equal(AssignmentStatus.Done, a.Status));
        Assert.Equal(IncomingStatus.Finished, document.Status);
        Assert.Equal(Now.AddHours(3), document.FinishedAt);
        Assert.Contains(document.Access, a => a.PrincipalId == Department && a.Reason == AccessReason.RecipientUnit);
        Assert.Equal("Phòng Kết cấu hạ tầng, Cao Xuân Trường", document.ToPlaces);
    }

    [Fact]
    public void A_return_not_within_responsibility_gives_the_document_back_to_the_sender()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var toUnit = document.Forward(Director, direction.Id, [AssignmentTarget.Unit(Department, "Phòng Kết cấu hạ tầng", AssignmentRole.Lead)], null, Now).Single();

        document.Return(Head, toUnit.Id, "Không thuộc thẩm quyền của phòng.", Now);

        Assert.Equal(AssignmentStatus.Returned, toUnit.Status);
        Assert.Equal(AssignmentStatus.Open, direction.Status);
        Assert.True(direction.CameBack);
        Assert.Equal(IncomingStatus.InProgress, document.Status);
        var again = document.Forward(Director, direction.Id, [AssignmentTarget.Unit(OtherDepartment, "Phòng Vận tải", AssignmentRole.Lead)], null, Now).Single();
        Assert.Equal(AssignmentStatus.Open, again.Status);
        Assert.Equal(AssignmentStatus.Forwarded, direction.Status);
    }

    [Fact]
    public void A_leader_returning_the_presentation_sends_it_back_to_the_clerks()
    {
        var document = NewDocument();
        var presentation = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);

        document.Return(Director, presentation.Id, "Văn bản thiếu trang 2, đề nghị văn thư bổ sung.", Now);

        Assert.True(document.ReturnedToClerk);
        Assert.Equal(IncomingStatus.Registered, document.Status);
        document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        Assert.False(document.ReturnedToClerk);
    }

    [Fact]
    public void Only_one_lead_may_be_active_under_one_direction()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);

        var error = Assert.Throws<RuleException>(() => document.Forward(Director, direction.Id,
            [AssignmentTarget.Unit(Department, "A", AssignmentRole.Lead), AssignmentTarget.Unit(OtherDepartment, "B", AssignmentRole.Lead)], null, Now));
        Assert.Equal("targets", error.Field);
        Assert.DoesNotContain(document.Assignments, a => a.ParentId == direction.Id);
    }

    [Fact]
    public void A_second_lead_after_one_is_already_active_is_a_conflict_that_names_who_holds_the_lead()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        document.Forward(Director, direction.Id, [AssignmentTarget.Unit(Department, "Phòng KCHT", AssignmentRole.Lead)], null, Now);

        var error = Assert.Throws<RuleException>(() => document.Forward(Director, direction.Id,
            [AssignmentTarget.Unit(OtherDepartment, "Phòng Vận tải", AssignmentRole.Lead)], null, Now));
        Assert.Equal(RuleKind.Conflict, error.Kind);
        Assert.Contains("Phòng KCHT đang chủ trì", error.Message);
        Assert.Single(document.Assignments, a => a.ParentId == direction.Id);

        document.Forward(Director, direction.Id, [AssignmentTarget.Unit(OtherDepartment, "Phòng Vận tải", AssignmentRole.Support)], null, Now);
        Assert.Equal(2, document.Assignments.Count(a => a.ParentId == direction.Id));
    }

    [Fact]
    public void A_deadline_already_past_is_refused()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);

        Assert.Throws<RuleException>(() => document.Forward(Director, direction.Id,
            [AssignmentTarget.Unit(Department, "Phòng KCHT", AssignmentRole.Lead, new DateOnly(2026, 11, 1))], null, Now));
    }

    [Fact]
    public void A_deadline_for_a_recipient_for_information_is_refused_and_nothing_is_forwarded()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);

        var error = Assert.Throws<RuleException>(() => document.Forward(Director, direction.Id,
            [Person(Specialist, AssignmentRole.ForInformation, new DateOnly(2026, 12, 4))], null, Now));

        Assert.Equal((RuleKind.Invalid, "targets"), (error.Kind, error.Field));
        Assert.Equal([direction], document.Assignments);
        Assert.Equal(AssignmentStatus.Open, direction.Status);
    }

    [Fact]
    public void A_support_given_no_deadline_is_due_with_the_lead()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var due = new DateOnly(2026, 12, 4);

        var created = document.Forward(Director, direction.Id,
            [AssignmentTarget.Unit(Department, "Phòng Kết cấu hạ tầng", AssignmentRole.Lead, due), AssignmentTarget.Unit(OtherDepartment, "Phòng Kế hoạch - Tài chính", AssignmentRole.Support)],
            null, Now);

        Assert.Equal(due, created.Single(a => a.Role == AssignmentRole.Support).DueDate);
    }

    [Fact]
    public void Supports_due_after_the_lead_are_named_against_the_lead_of_the_forward_or_else_the_lead_at_work()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var due = new DateOnly(2026, 12, 4);
        var lead = AssignmentTarget.Unit(Department, "Phòng Kết cấu hạ tầng", AssignmentRole.Lead, due);
        var onTime = AssignmentTarget.Unit(OtherDepartment, "Phòng Kế hoạch - Tài chính", AssignmentRole.Support, due);
        var late = Person(Specialist, AssignmentRole.Support, due.AddDays(1));

        Assert.Equal([late], document.SupportsDueAfterLead(direction, [lead, onTime, late]));
        Assert.Empty(document.SupportsDueAfterLead(direction, [late]));

        document.Forward(Director, direction.Id, [lead, onTime], null, Now);

        Assert.Equal(due, document.LeadDueDate(direction, []));
        Assert.Equal([late], document.SupportsDueAfterLead(direction, [late]));
    }

    [Fact]
    public void The_sender_takes_back_what_they_sent_and_everything_forwarded_below_it()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var toUnit = document.Forward(Director, direction.Id, [AssignmentTarget.Unit(Department, "Phòng KCHT", AssignmentRole.Lead)], null, Now).Single();
        var toSpecialist = document.Forward(Head, toUnit.Id, [Person(Specialist, AssignmentRole.Lead)], null, Now).Single();

        Assert.Throws<RuleException>(() => document.Revoke(Specialist, toUnit.Id, null, Now));
        document.Revoke(Director, toUnit.Id, "Giao lại đơn vị khác.", Now);

        Assert.Equal(AssignmentStatus.Revoked, toUnit.Status);
        Assert.Equal(AssignmentStatus.Revoked, toSpecialist.Status);
        Assert.Equal(AssignmentStatus.Open, direction.Status);
        Assert.Throws<RuleException>(() => document.FinishAndFile(Specialist, toSpecialist.Id, null, null, Now));
    }

    [Fact]
    public void Consultation_feedback_is_only_for_documents_that_ask_for_comments_and_finishes_the_part()
    {
        var plain = NewDocument();
        var plainDirection = plain.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        Assert.Throws<RuleException>(() => plain.GiveFeedback(Director, plainDirection.Id, "Nhất trí.", null, Now));

        var consultation = NewDocument(requestsComments: true);
        var direction = consultation.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var support = consultation.Forward(Director, direction.Id, [AssignmentTarget.Unit(Department, "Phòng KCHT", AssignmentRole.Support)], null, Now).Single();
        consultation.GiveFeedback(Head, support.Id, "Phòng KCHT nhất trí với dự thảo, đề nghị bổ sung điều 5.", null, Now);

        Assert.Equal(AssignmentStatus.Done, support.Status);
        Assert.Contains(consultation.Events, e => e.Kind == HandlingEventKinds.Feedback && e.AssignmentId == support.Id);
    }

    [Fact]
    public void A_for_information_recipient_cannot_forward_but_finishes_and_files_it()
    {
        var document = NewDocument();
        var direction = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var info = document.Forward(Director, direction.Id, [Person(Specialist, AssignmentRole.ForInformation)], null, Now).Single();

        Assert.Throws<RuleException>(() => document.Forward(Specialist, info.Id, [Person(Head, AssignmentRole.Lead)], null, Now));
        document.FinishAndFile(Specialist, info.Id, null, "Hồ sơ an toàn giao thông 2026", Now);

        Assert.Equal(AssignmentStatus.Done, info.Status);
        Assert.Equal("Hồ sơ an toàn giao thông 2026", document.DossierTitle);
        Assert.Contains(document.Events, e => e.Kind == HandlingEventKinds.Closed);
    }

    [Fact]
    public void A_cancelled_registration_keeps_its_number_and_refuses_every_action()
    {
        var document = NewDocument();
        var presentation = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);

        document.Cancel(Clerk, "Vào sổ nhầm văn bản của đơn vị khác.", Now);

        Assert.Equal(IncomingStatus.Cancelled, document.Status);
        Assert.Equal(7, document.ArrivalNumber);
        Assert.Equal(AssignmentStatus.Revoked, presentation.Status);
        Assert.Throws<RuleException>(() => document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now));
        Assert.Throws<RuleException>(() => document.AddOpinion(Clerk, null, "…", null, Now));
    }

    [Fact]
    public void A_delegate_acts_in_the_delegators_name_and_both_names_are_kept()
    {
        var document = NewDocument();
        var presentation = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var deputy = TestParty.Deputy("Trần Thị Bích Hạnh", Director);

        var toUnit = document.Forward(deputy, presentation.Id, [AssignmentTarget.Unit(Department, "Phòng KCHT", AssignmentRole.Lead)], "Giao KCHT.", Now).Single();

        Assert.Equal(Director.UserId, toUnit.SenderId);
        Assert.Equal(deputy.UserId, toUnit.ActingSenderId);
        var forwarded = Assert.Single(document.Events, e => e.Kind == HandlingEventKinds.Forwarded);
        Assert.Equal(deputy.UserId, forwarded.ActorId);
        Assert.Equal(Director.Name, forwarded.OnBehalfOfName);
        Assert.Contains(document.Access, a => a.PrincipalId == deputy.UserId);
    }

    [Fact]
    public void Changing_the_urgency_re_sorts_every_assignment()
    {
        var document = NewDocument();
        var presentation = document.Present(Clerk, Person(Director, AssignmentRole.Direct), null, Now);
        var input = document.Metadata.ToInput();
        input.Urgency = UrgencyNames.Code(Urgency.Flash);

        document.UpdateMetadata(Clerk, DocumentMetadata.Create(input), Now);

        Assert.Equal(Urgency.Flash, presentation.Urgency);
    }
}
