namespace Eoffice.Web.Modules.Organization.Contracts;

/// <summary>
/// The demo agency seeded in demo mode, modelled on the regulation of Sở Giao thông vận tải Ninh Bình: its code and
/// the names of its units and positions, so that the modules seeding its people can find them.
/// </summary>
public static class DemoAgency
{
    public const string Code = "000.20.37.H43";
    public const string FullName = "Sở Giao thông vận tải tỉnh Ninh Bình";
    public const string ShortName = "SGTVT";

    public static class Units
    {
        public const string Leadership = "Ban Giám đốc";
        public const string Office = "Văn phòng";
        public const string Legal = "Phòng Pháp chế";
        public const string PlanningFinance = "Phòng Kế hoạch - Tài chính";
        public const string Infrastructure = "Phòng Quản lý kết cấu hạ tầng giao thông";
        public const string Transport = "Phòng Quản lý vận tải, phương tiện và người lái";
        public const string ProjectBoard = "Ban Quản lý dự án công trình giao thông";
    }

    public static class Positions
    {
        public const string Director = "Giám đốc";
        public const string DeputyDirector = "Phó Giám đốc";
        public const string OfficeChief = "Chánh Văn phòng";
        public const string DeputyOfficeChief = "Phó Chánh Văn phòng";
        public const string Head = "Trưởng phòng";
        public const string DeputyHead = "Phó Trưởng phòng";
        public const string BoardHead = "Trưởng ban";
        public const string DeputyBoardHead = "Phó Trưởng ban";
        public const string Specialist = "Chuyên viên";
        public const string Clerk = "Văn thư";
        public const string Administrator = "Quản trị hệ thống";
    }
}
