using System.Diagnostics;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Eoffice.Bench;

/// <summary>
/// The outgoing documents of the agency <see cref="IncomingBenchmark"/> generates, made by the real aggregate
/// (<see cref="OutgoingDocument"/>: create, submit, consult, feedback, return, revise, approve, sign on paper, issue,
/// record sending, cancel, withdraw) along regulation 000's chain — specialist → unit head → legal review (often skipped)
/// → agency leader → the two clerks of the outgoing register — and written straight into a migrated database through the
/// app's own EF model (<see cref="EntityRows{T}"/>, <see cref="BulkLoad"/>); then the five lists and their counts timed
/// through the real <see cref="ListOutgoing"/> for a drafter, a unit head, the agency leader and a clerk.
/// </summary>
internal static class OutgoingBenchmark
{
    private const int LegalUnit = 2;
    private const string Abbreviation = "SGTVT";
    private const string AgencyName = "Sở Giao thông vận tải tỉnh Ninh Bình";
    private const string AgencyCode = "000.20.37.H43";
    private static readonly Guid AgencyId = BenchAgency.AgencyId;

    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] Middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang"];
    private static readonly string[] Given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trung", "Tuấn", "Yến"];

    private static readonly string[] Topics =
        ["sửa chữa cầu", "bảo trì quốc lộ", "kế hoạch vốn đầu tư công", "an toàn giao thông dịp lễ", "cấp giấy phép vận tải", "phòng chống thiên tai", "quyết toán dự án", "kiểm tra tải trọng xe"];

    private static readonly (string Name, string Code, DeliveryChannel Channel)[] Organs =
    [
        ("Ủy ban nhân dân tỉnh Ninh Bình", "000.00.00.H43", DeliveryChannel.Exchange),
        ("Bộ Giao thông vận tải", "000.00.00.G12", DeliveryChannel.Exchange),
        ("Sở Tài chính tỉnh Ninh Bình", "000.00.11.H43", DeliveryChannel.Email),
        ("Công ty Cổ phần Công trình giao thông Ninh Bình", "", DeliveryChannel.Post),
    ];

    public static async Task RunAsync(BenchSettings settings, bool verify = false)
    {
        var org = BenchAgency.Of(settings.Staff);
        await using var bench = await BenchDatabase.OpenAsync(settings);
        if (bench.IsNew)
        {
            var watch = Stopwatch.StartNew();
            var register = await SeedAsync(bench, org);
            var tables = await GenerateAsync(bench, new Agency(org, register.Id), register, settings.Documents);
            Console.WriteLine($"generated ({bench.Provider}): {string.Join(", ", tables.Select(t => $"{t.Name} {t.Rows:N0}"))}; {settings.Staff} staff in {org.Units} units in {watch.Elapsed.TotalSeconds:F0} s");
            await bench.AnalyzeAsync();
        }

        Guid registerId;
        await using (var db = bench.NewContext())
        {
            registerId = await db.Set<Register>().Where(r => r.AgencyId == AgencyId && r.Kind == RegisterKind.Outgoing).Select(r => r.Id).SingleAsync();
            await PrintShapeAsync(db);
        }

        if (verify)
        {
            await VerifyAsync(bench, new Agency(org, registerId));
            return;
        }

        await MeasureAsync(bench, new Agency(org, registerId), settings.Runs);
    }

    /// <summary>The people and units as the outgoing rules see them: names, viewers (led units, kept registers).</summary>
    private sealed class Agency(BenchAgency org, Guid registerId)
    {
        private readonly Dictionary<int, OutgoingViewer> viewers = [];

        public BenchAgency Org => org;

        public Guid RegisterId => registerId;

        public string Name(int person) => $"{Family[person % Family.Length]} {Middle[person / Family.Length % Middle.Length]} {Given[person / (Family.Length * Middle.Length) % Given.Length]}";

        public static string UnitName(int unit) => unit switch
        {
            0 => "Ban Giám đốc",
            1 => "Văn phòng",
            LegalUnit => "Phòng Pháp chế",
            _ => $"Phòng Nghiệp vụ {unit - LegalUnit}",
        };

        public static string UnitCode(int unit) => unit switch
        {
            0 => "BGĐ",
            1 => "VP",
            LegalUnit => "PC",
            _ => $"NV{unit - LegalUnit}",
        };

        /// <summary>The viewer the app would make for the person: unit heads and deputies lead their unit, clerks keep the register.</summary>
        public OutgoingViewer Viewer(int person)
        {
            if (!viewers.TryGetValue(person, out var viewer))
            {
                var unit = org.UnitOf(person);
                var leads = unit >= 1 && (person == org.Head(unit) || person == org.DeputyHead(unit));
                var keeps = person == org.Clerk || person == org.SecondClerk;
                viewer = new OutgoingViewer(org.User(person), Name(person), AgencyId, org.Unit(unit), leads ? new HashSet<Guid> { org.Unit(unit) } : new HashSet<Guid>(),
                    keeps ? new HashSet<Guid> { registerId } : new HashSet<Guid>(), []);
                viewers[person] = viewer;
            }

            return viewer;
        }

        /// <summary>A step holder as <see cref="OutgoingChainHolders.HolderAsync"/> names one.</summary>
        public AssignmentTarget Holder(int person) => AssignmentTarget.Person(org.User(person), Name(person), AssignmentRole.Direct);
    }

    // ---- generation ------------------------------------------------------------------------------------------------

    /// <summary>The register (kept by the two clerks), regulation 000's process and the agency's outgoing settings, through EF.</summary>
    private static async Task<Register> SeedAsync(BenchDatabase bench, BenchAgency org)
    {
        var created = DateTime.UtcNow.AddYears(-6);
        var register = new Register(AgencyId, null, RegisterKind.Outgoing, "Sổ văn bản đi", "VBĐi", created);
        await using var db = bench.NewContext();
        db.Add(register);
        db.Add(new RegisterKeeper(register.Id, org.User(org.Clerk)));
        db.Add(new RegisterKeeper(register.Id, org.User(org.SecondClerk)));
        db.Add(new OutgoingProcess(AgencyId, OutgoingProcess.Regulation000Code, "Quy trình văn bản đi (Quy chế 000, Điều 8)", OutgoingProcess.Regulation000Steps, [], created));
        db.Add(new OutgoingSettings(AgencyId, Abbreviation, "Ninh Bình")
        {
            SuperiorName = "UBND TỈNH NINH BÌNH", LegalUnitId = org.Unit(LegalUnit), OfficeUnitId = org.Unit(1),
        });
        await db.SaveChangesAsync();
        return register;
    }

    private static async Task<IReadOnlyList<BulkTable>> GenerateAsync(BenchDatabase bench, Agency agency, Register register, int total)
    {
        OutgoingProcess process;
        OutgoingRows rows;
        await using (var db = bench.NewContext())
        {
            process = await db.Set<OutgoingProcess>().AsNoTracking().SingleAsync(p => p.AgencyId == AgencyId);
            rows = new OutgoingRows(db.Model);
        }

        await using var load = await bench.BeginLoadAsync([.. rows.Tables]);
        rows.Declare(load);
        var generator = new Generator(agency, register, process, new DateTime(DateTime.UtcNow.Date.Ticks, DateTimeKind.Utc), total);
        for (var i = 0; i < total; i++)
        {
            rows.Add(load, generator.Produce(i));
            if (i % 5_000 == 4_999)
            {
                await load.FlushAsync();
            }

            if (i % 50_000 == 49_999)
            {
                Console.WriteLine($"  {i + 1:N0} documents…");
            }
        }

        await load.CompleteAsync();
        return load.Tables;
    }

    /// <summary>An outgoing document and its parts as the rows of their six tables, parents first.</summary>
    private sealed class OutgoingRows(IModel model)
    {
        private readonly EntityRows<OutgoingDocument> documents = new(model);
        private readonly EntityRows<OutgoingAssignment> assignments = new(model);
        private readonly EntityRows<OutgoingEvent> events = new(model);
        private readonly EntityRows<OutgoingAccess> access = new(model);
        private readonly EntityRows<OutgoingVersion> versions = new(model);
        private readonly EntityRows<OutgoingRecipient> recipients = new(model);
        private BulkTable[] tables = [];

        public IEnumerable<string> Tables => [documents.Table, assignments.Table, events.Table, access.Table, versions.Table, recipients.Table];

        public void Declare(BulkLoad load) => tables =
        [
            load.Table(documents.Table, documents.Columns), load.Table(assignments.Table, assignments.Columns), load.Table(events.Table, events.Columns),
            load.Table(access.Table, access.Columns), load.Table(versions.Table, versions.Columns), load.Table(recipients.Table, recipients.Columns),
        ];

        public void Add(BulkLoad load, OutgoingDocument d)
        {
            load.Add(tables[0], documents.Row(d));
            AddAll(load, tables[1], assignments, d.Assignments);
            AddAll(load, tables[2], events, d.Events);
            AddAll(load, tables[3], access, d.Access);
            AddAll(load, tables[4], versions, d.Versions);
            AddAll(load, tables[5], recipients, d.Recipients);
        }

        private static void AddAll<T>(BulkLoad load, BulkTable table, EntityRows<T> rows, IEnumerable<T> entities)
            where T : class
        {
            foreach (var entity in entities)
            {
                load.Add(table, rows.Row(entity));
            }
        }
    }

    /// <summary>
    /// One document's life, as people would have lived it through the app: each action a few hours to days after the
    /// previous one; a document stops where the next action would be after today, and about 40 % of the last 45 days'
    /// stop earlier on purpose (a random number of actions), so that those are spread over drafts, steps waiting for
    /// someone (some with a consultation open) and signed documents waiting for the clerks.
    /// </summary>
    private sealed class Generator(Agency agency, Register register, OutgoingProcess process, DateTime now, int total)
    {
        private readonly Random random = new(42);
        private readonly Dictionary<(int Year, string Series), int> numbers = [];
        private readonly BenchAgency org = agency.Org;

        public int Year(DateTime at) => DateOnly.FromDateTime(at.AddHours(7)).Year;

        public OutgoingDocument Produce(int i)
        {
            var start = now.AddYears(-5);
            var created = start.AddTicks((now - start).Ticks / total * i).AddSeconds(random.Next(0, 60));
            var unit = LegalUnit + random.Next(org.Units - LegalUnit);
            var r = random.NextDouble();
            var drafter = org.Specialist(unit, (int)(r * r * (BenchAgency.UnitSize - 2))); // a few specialists draft most
            var head = random.Next(10) < 7 ? org.Head(unit) : org.DeputyHead(unit);
            var leaderRoll = random.Next(4);
            var leader = leaderRoll < 2 ? org.Director : leaderRoll == 2 ? org.Deputy : org.Deputy + 1;
            var clerk = random.Next(2) == 0 ? org.Clerk : org.SecondClerk;
            var legal = org.Head(LegalUnit);
            var skipsLegal = unit == LegalUnit || random.Next(100) < 40;
            var returnRoll = random.Next(100);
            var returnAt = returnRoll >= 12 ? 0 : returnRoll < 6 ? 2 : returnRoll < 8 && !skipsLegal ? 3 : 4;
            var consultRoll = random.Next(100);
            var consultAt = consultRoll >= 10 ? 0 : consultRoll < 6 ? 2 : 4;
            var consultsUnit = random.Next(10) < 7;
            var consulted = LegalUnit + (unit - LegalUnit + 1 + random.Next(org.Units - LegalUnit - 1)) % (org.Units - LegalUnit); // another department
            var consultedPerson = org.Specialist(consulted, random.Next(BenchAgency.UnitSize - 2));
            var cancels = random.Next(1000) < 5;
            var recallsSubmission = random.Next(100) < 1;
            var withdraws = random.Next(1000) < 3;
            var age = (now - created).TotalDays;
            var budget = age < 45 && random.Next(100) < 40 ? random.Next(0, 7) : int.MaxValue;

            var content = Content(i, created, unit, leader);
            var d = OutgoingDocument.Create(register, org.Unit(unit), Agency.UnitName(unit), Agency.UnitCode(unit), process, agency.Viewer(drafter).Self, content,
                new VersionFile(FileId(created), "du-thao.docx"), random.Next(5) == 0 ? [new VersionFile(FileId(created), "phu-luc.pdf")] : [], null, null, created);
            d.CurrentVersion.SetLayout(FileId(created));
            var t = created;

            bool Go(double minHours, double maxHours)
            {
                var next = t.AddHours(minHours + random.NextDouble() * (maxHours - minHours));
                if (next > now || budget-- <= 0)
                {
                    return false;
                }

                t = next;
                return true;
            }

            void Live()
            {
                var me = agency.Viewer(drafter);
                if (cancels && returnAt == 0)
                {
                    if (Go(2, 72))
                    {
                        d.Cancel(me, "Không ban hành nữa.", t);
                    }

                    return;
                }

                if (!Go(1, 48))
                {
                    return;
                }

                d.Submit(me, agency.Holder(head), null, "Kính trình lãnh đạo phòng xem xét.", t);
                if (recallsSubmission)
                {
                    if (!Go(0.1, 1))
                    {
                        return;
                    }

                    d.RecallSubmission(me, "Bổ sung tài liệu kèm theo.", t);
                    if (!Go(0.5, 4))
                    {
                        return;
                    }

                    d.Submit(me, agency.Holder(head), null, null, t);
                }

                var returned = false;
                var asked = false;
                while (true)
                {
                    var step = d.CurrentStep;
                    var holder = agency.Viewer(step == 2 ? head : step == 3 ? legal : leader);
                    if (step == consultAt && !asked)
                    {
                        if (!Go(2, 48))
                        {
                            return;
                        }

                        var due = DateOnly.FromDateTime(t.AddHours(7)).AddDays(3);
                        var target = consultsUnit
                            ? AssignmentTarget.Unit(org.Unit(consulted), Agency.UnitName(consulted), AssignmentRole.Support, due)
                            : AssignmentTarget.Person(org.User(consultedPerson), agency.Name(consultedPerson), AssignmentRole.Support, due);
                        var request = d.Consult(holder, [target], "Đề nghị góp ý dự thảo.", t);
                        asked = true;
                        if (!Go(4, 72))
                        {
                            return;
                        }

                        d.GiveFeedback(agency.Viewer(consultsUnit ? org.Head(consulted) : consultedPerson), request[0].Id,
                            "Thống nhất với dự thảo; đề nghị bổ sung số liệu năm trước.", null, t);
                    }

                    if (step == returnAt && !returned)
                    {
                        if (!Go(2, 72))
                        {
                            return;
                        }

                        d.SendBack(holder, false, "Đề nghị chỉnh sửa, bổ sung căn cứ pháp lý.", t);
                        returned = true;
                        if (cancels)
                        {
                            if (Go(2, 72))
                            {
                                d.Cancel(me, "Không ban hành nữa.", t);
                            }

                            return;
                        }

                        if (!Go(4, 48))
                        {
                            return;
                        }

                        d.Revise(me, content with { Metadata = content.Metadata with { Subject = content.Metadata.Subject + " (bổ sung căn cứ)" } },
                            new VersionFile(FileId(t), "du-thao-sua.docx"), [], "Chỉnh sửa theo ý kiến.", t);
                        d.CurrentVersion.SetLayout(FileId(t));
                        if (!Go(0.2, 4))
                        {
                            return;
                        }

                        d.Submit(me, agency.Holder(head), null, "Kính trình lại.", t);
                        continue;
                    }

                    if (!Go(2, 72))
                    {
                        return;
                    }

                    if (step == 4)
                    {
                        d.SignOnPaper(holder, new VersionFile(FileId(t), "ban-ky.pdf"), null, t);
                        break;
                    }

                    var toLeader = step == 3 || skipsLegal;
                    d.Approve(holder, agency.Holder(toLeader ? leader : legal), step == 2 && skipsLegal ? 4 : null, null, "Đồng ý.", t);
                }

                if (!Go(1, 24))
                {
                    return;
                }

                var issuer = agency.Viewer(clerk);
                var date = DateOnly.FromDateTime(t.AddHours(7));
                var series = d.IsNormative ? NumberSeries.Normative.Key : NumberSeries.Main.Key;
                var number = numbers[(date.Year, series)] = numbers.GetValueOrDefault((date.Year, series)) + 1;
                var type = DocumentTypes.Find(d.Metadata.TypeCode)!;
                d.Issue(issuer, date.Year, number, series, DocumentNotation.For(type, Abbreviation, d.DraftingUnitCode), date, t);
                foreach (var recipient in d.Recipients.Where(x => x.Channel == DeliveryChannel.Internal).ToList())
                {
                    d.RecordSending(issuer.Self, recipient.Id, DeliveryState.Sent, FileId(t), "Chờ văn thư tiếp nhận vào sổ văn bản đến.", t);
                }

                if (withdraws && Go(24, 240))
                {
                    d.Withdraw(issuer, "Văn bản có sai sót về nội dung, thu hồi để thay thế.", t);
                }
            }

            Live();
            return d;
        }

        private OutgoingContent Content(int i, DateTime created, int unit, int leader)
        {
            var typeRoll = random.Next(100);
            var typeCode = typeRoll < 60 ? DocumentTypes.OfficialLetterCode : typeRoll < 70 ? "QĐ" : typeRoll < 78 ? "TB" : typeRoll < 86 ? "BC" : typeRoll < 92 ? "KH" : typeRoll < 97 ? "TTr" : "GM";
            var type = DocumentTypes.Find(typeCode)!;
            var urgencyRoll = random.Next(100);
            var urgency = urgencyRoll < 85 ? Urgency.Normal : urgencyRoll < 95 ? Urgency.Urgent : urgencyRoll < 99 ? Urgency.VeryUrgent : Urgency.Flash;
            var topic = Topics[random.Next(Topics.Length)];
            var year = Year(created);
            var subject = typeCode == DocumentTypes.OfficialLetterCode ? $"V/v {topic} năm {year} (đợt {i % 97 + 1})" : $"{type.Name} {topic} năm {year} (đợt {i % 97 + 1})";
            var metadata = DocumentMetadata.Create(new DocumentMetadataInput
            {
                TypeCode = typeCode,
                IssuingOrganId = AgencyCode,
                IssuingOrganName = AgencyName,
                Subject = subject,
                PageAmount = 1 + random.Next(6),
                SignerPosition = leader == org.Director ? "Giám đốc" : "Phó Giám đốc",
                SignerFullName = agency.Name(leader),
                Urgency = UrgencyNames.Code(urgency),
                DueDate = random.Next(5) == 0 ? DateOnly.FromDateTime(created.AddHours(7)).AddDays(20) : null,
            });
            var count = 1 + random.Next(3);
            var specs = new List<RecipientSpec>();
            for (var k = 0; k < count; k++)
            {
                var kind = random.Next(10);
                if (kind < 4)
                {
                    var u = LegalUnit + random.Next(org.Units - LegalUnit);
                    specs.Add(new RecipientSpec(RecipientKind.Unit, org.Unit(u), null, null, Agency.UnitName(u), DeliveryChannel.Internal));
                }
                else if (kind < 5)
                {
                    var p = org.Head(LegalUnit + random.Next(org.Units - LegalUnit));
                    specs.Add(new RecipientSpec(RecipientKind.Person, org.Unit(org.UnitOf(p)), org.User(p), null, agency.Name(p), DeliveryChannel.Internal));
                }
                else
                {
                    var (name, code, channel) = Organs[random.Next(Organs.Length)];
                    specs.Add(new RecipientSpec(RecipientKind.Organ, null, null, code.Length == 0 ? null : code, name, channel));
                }
            }

            specs = [.. specs.DistinctBy(s => (s.Kind, s.UnitId, s.UserId, s.Name))];
            var official = typeCode == DocumentTypes.OfficialLetterCode;
            var lines = official ? new List<string> { "Như trên;" } : [.. specs.Select(s => $"- {s.Name};")];
            lines.Add($"Lưu: VT, {Agency.UnitCode(unit)}.");
            return new OutgoingContent(metadata, leader == org.Director ? SigningAuthority.None : SigningAuthority.ForHead, org.User(leader), specs.Count + 1,
                false, lines, official ? [.. specs.Select(s => s.Name)] : [], specs);
        }

        private Guid FileId(DateTime at) => Guid.CreateVersion7(new DateTimeOffset(at.AddSeconds(random.Next(60))));
    }

    /// <summary>How the generated documents stand (printed before the timings, for the benchmark's notes).</summary>
    private static async Task PrintShapeAsync(EofficeDbContext db)
    {
        var statuses = await db.Set<OutgoingDocument>().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine("documents by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count:N0}")));
        var open = await db.Set<OutgoingAssignment>().CountAsync(a => a.Status == AssignmentStatus.Open);
        var consultations = await db.Set<OutgoingAssignment>().CountAsync(a => a.ParentId != null);
        var returned = await db.Set<OutgoingDocument>().CountAsync(d => d.VersionNumber > 1);
        Console.WriteLine($"open hops {open:N0}; consultations {consultations:N0}; documents revised after a return {returned:N0}");
    }

    // ---- verification ----------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>--verify</c>: every list of the measured people, page after page, and the counts, against the lists computed in
    /// memory from the rows as the lists are defined (the definitions of the first ListOutgoing, before its queries were
    /// shaped for size). Use a size where a leader has more than <see cref="ListOutgoing.FewAccessRows"/> access rows
    /// (10,000 documents) so that both ways of reading "Đã phát hành" are compared. Throws on the first difference.
    /// </summary>
    private static async Task VerifyAsync(BenchDatabase bench, Agency agency)
    {
        List<(Guid Id, Guid Drafter, OutgoingStatus Status, DateTime Created, int? ResumeAt, Guid Register, DateTime? Signed, DateTime? Issued, string Subject)> documents;
        List<(Guid Owner, AssignmentStatus Status, Guid? User, Guid? Unit, Guid? Parent, DateTime Sent, Guid Sender, DateTime? Finished)> assignments;
        List<(Guid Owner, Guid Principal)> access;
        await using (var db = bench.NewContext())
        {
            documents = (await db.Set<OutgoingDocument>().AsNoTracking()
                .Select(d => new { d.Id, d.DrafterId, d.Status, d.CreatedAt, d.ResumeAt, d.RegisterId, d.SignedAt, d.IssuedAt, d.SubjectFolded }).ToListAsync())
                .Select(d => (d.Id, d.DrafterId, d.Status, d.CreatedAt, d.ResumeAt, d.RegisterId, d.SignedAt, d.IssuedAt, d.SubjectFolded)).ToList();
            assignments = (await db.Set<OutgoingAssignment>().AsNoTracking()
                .Select(a => new { a.OwnerId, a.Status, a.RecipientUserId, a.RecipientUnitId, a.ParentId, a.SentAt, a.SenderId, a.FinishedAt }).ToListAsync())
                .Select(a => (a.OwnerId, a.Status, a.RecipientUserId, a.RecipientUnitId, a.ParentId, a.SentAt, a.SenderId, a.FinishedAt)).ToList();
            access = (await db.Set<OutgoingAccess>().AsNoTracking().Select(a => new { a.OwnerId, a.PrincipalId }).ToListAsync())
                .Select(a => (a.OwnerId, a.PrincipalId)).ToList();
        }

        var byId = documents.ToDictionary(d => d.Id);
        List<Guid> Expected(OutgoingViewer v, OutgoingBox box, string? q)
        {
            var text = Web.Platform.Text.VietnameseText.Fold(q);
            bool Shown(Guid id) => text.Length == 0 || byId[id].Subject.Contains(text, StringComparison.Ordinal);
            IEnumerable<(Guid Id, DateTime At)> rows = box switch
            {
                OutgoingBox.Drafts => documents.Where(d => d.Drafter == v.UserId && d.Status <= OutgoingStatus.ToIssue).Select(d => (d.Id, d.Created)),
                OutgoingBox.Waiting => assignments
                    .Where(a => a.Status == AssignmentStatus.Open && ((a.User is { } u && u == v.UserId) || (a.Unit is { } n && v.LedUnits.Contains(n)))
                        && byId[a.Owner].Status == OutgoingStatus.InReview)
                    .Select(a => (a.Owner, a.Sent))
                    .Concat(documents.Where(d => d.Drafter == v.UserId && d.Status == OutgoingStatus.Drafting && d.ResumeAt != null)
                        .Select(d => (d.Id, assignments.Where(a => a.Owner == d.Id && a.Parent == null).Max(a => a.Finished) ?? d.Created))),
                OutgoingBox.Submitted => assignments.Where(a => a.Parent == null && a.Sender == v.UserId && byId[a.Owner].Status is OutgoingStatus.InReview or OutgoingStatus.ToIssue)
                    .GroupBy(a => a.Owner).Select(g => (g.Key, g.Max(a => a.Sent))),
                OutgoingBox.ToIssue => documents.Where(d => v.KeptRegisters.Contains(d.Register) && d.Status == OutgoingStatus.ToIssue).Select(d => (d.Id, d.Signed!.Value)),
                _ => documents.Where(d => d.Status is OutgoingStatus.Issued or OutgoingStatus.Recalled
                        && (v.KeptRegisters.Contains(d.Register) || access.Any(a => a.Owner == d.Id && v.Principals.Contains(a.Principal))))
                    .Select(d => (d.Id, d.Issued!.Value)),
            };
            return [.. rows.Where(x => Shown(x.Id)).OrderByDescending(x => x.At).ThenByDescending(x => x.Id.ToString(), StringComparer.Ordinal).Select(x => x.Id)];
        }

        var org = agency.Org;
        var unit = org.MeasuredUnit;
        var people = new[] { org.Specialist(unit, 0), org.Head(unit), org.Director, org.Clerk, org.Head(LegalUnit), org.Specialist(unit, 20) };
        var checkedLists = 0;
        foreach (var person in people)
        {
            var v = agency.Viewer(person);
            foreach (var q in new string?[] { null, "sửa chữa cầu" })
            {
                foreach (var (box, slug, _) in ListOutgoing.Boxes)
                {
                    var expected = Expected(v, box, q);
                    var actual = new List<Guid>();
                    for (var page = 1; page <= ListOutgoing.MaxPage; page++)
                    {
                        await using var db = bench.NewContext();
                        var rows = await new ListOutgoing(db, null!).ListAsync(v, new ListOutgoing.Request { Box = slug, Q = q, Page = page, PageSize = 100 }, default);
                        actual.AddRange(rows.Items.Select(i => i.DocumentId));
                        if (!rows.HasMore)
                        {
                            break;
                        }
                    }

                    if (!actual.SequenceEqual(expected.Take(actual.Count)) || (actual.Count < expected.Count && actual.Count < ListOutgoing.MaxPage * 100))
                    {
                        throw new InvalidOperationException($"{agency.Name(person)} {slug} q={q}: {actual.Count} rows listed, {expected.Count} expected, first difference at "
                            + actual.Zip(expected).TakeWhile(p => p.First == p.Second).Count());
                    }

                    checkedLists++;
                }
            }

            await using (var db = bench.NewContext())
            {
                var counts = await new ListOutgoing(db, null!).CountAsync(v, default);
                int Capped(OutgoingBox box) => Math.Min(Expected(v, box, null).Count, CappedCount.Cap);
                var expected = new OutgoingCounts(Capped(OutgoingBox.Drafts), Capped(OutgoingBox.Waiting), Capped(OutgoingBox.Submitted), Capped(OutgoingBox.ToIssue),
                    Capped(OutgoingBox.Issued), CappedCount.Cap);
                if (counts != expected)
                {
                    throw new InvalidOperationException($"{agency.Name(person)}: counts {counts}, expected {expected}");
                }
            }

            Console.WriteLine($"verified: {agency.Name(person)} (person {person})");
        }

        Console.WriteLine($"verified {checkedLists} lists and {people.Length} sets of counts ({bench.Provider}): identical to their definitions");
    }

    // ---- measurement -----------------------------------------------------------------------------------------------

    private static async Task MeasureAsync(BenchDatabase bench, Agency agency, int runs)
    {
        var org = agency.Org;
        var unit = org.MeasuredUnit;
        var people = new[]
        {
            ("specialist", agency.Viewer(org.Specialist(unit, 0))),
            ("unit head", agency.Viewer(org.Head(unit))),
            ("agency leader", agency.Viewer(org.Director)),
            ("clerk", agency.Viewer(org.Clerk)),
        };

        async Task<T> With<T>(Func<EofficeDbContext, Task<T>> action)
        {
            await using var db = bench.NewContext();
            return await action(db);
        }

        Task<OutgoingListPage> List(OutgoingViewer v, OutgoingBox box, int? page = null, string? q = null) => With(db =>
            new ListOutgoing(db, null!).ListAsync(v, new ListOutgoing.Request { Box = ListOutgoing.Slug(box), Page = page, Q = q }, default));

        Task<OutgoingCounts> Counts(OutgoingViewer v) => With(db => new ListOutgoing(db, null!).CountAsync(v, default));

        var timer = new BenchTimer(bench.Provider, runs);
        foreach (var (who, v) in people)
        {
            var counts = await Counts(v);
            Console.WriteLine($"{who}: counts {counts}");
            foreach (var (box, slug, _) in ListOutgoing.Boxes)
            {
                await timer.TimeAsync($"{who}: {slug} page 1", async () => (await List(v, box)).Items.Count);
            }

            await timer.TimeAsync($"{who}: counts", async () => (await Counts(v)).Waiting);
            await timer.TimeAsync($"{who}: cho-xu-ly page 1 + counts (the whole page)", async () =>
            {
                var page = await List(v, OutgoingBox.Waiting);
                await Counts(v);
                return page.Items.Count;
            });
        }

        var (_, clerk) = people[3];
        var (_, specialist) = people[0];
        await timer.TimeAsync("clerk: da-phat-hanh page 50", async () => (await List(clerk, OutgoingBox.Issued, page: 50)).Items.Count);
        await timer.TimeAsync("clerk: da-phat-hanh q=\"sửa chữa cầu\" (1 in 8)", async () => (await List(clerk, OutgoingBox.Issued, q: "sửa chữa cầu")).Items.Count);
        await timer.TimeAsync("clerk: da-phat-hanh q=\"đợt 42)\" (1 in 97)", async () => (await List(clerk, OutgoingBox.Issued, q: "đợt 42)")).Items.Count);
        await timer.TimeAsync("specialist: da-phat-hanh q=\"sửa chữa cầu\"", async () => (await List(specialist, OutgoingBox.Issued, q: "sửa chữa cầu")).Items.Count);
    }
}
