// Deliberately broken code that the boundary rules must catch (and one legal use they must allow).
#pragma warning disable CA1822, IDE0051, CA1812

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Domain
{
    internal sealed class Secret
    {
        public Microsoft.AspNetCore.Http.HttpContext? Context { get; set; }
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Domain
{
    internal sealed class AnswersWithAStatus
    {
        public int Status() => Platform.Web.StatusCodes.Of("notFound");
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform.Web
{
    internal static class StatusCodes
    {
        public static int Of(string kind) => kind.Length;
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Contracts
{
    internal sealed record PublicFact(string Value);

    internal sealed class LeakyContract
    {
        public Beta.Domain.Secret? Leak { get; set; }
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Alpha
{
    internal sealed class UsesBetaInsideALambda
    {
        public Func<object> Make() => () => new Beta.Domain.Secret();
    }

    internal sealed class UsesBetaContract
    {
        public Beta.Contracts.PublicFact Fact() => new("ok");
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform
{
    internal sealed class PlatformService
    {
        public string Describe() => new Modules.Alpha.UsesBetaContract().ToString() ?? string.Empty;
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Kernel
{
    internal sealed class KernelBlockUsingAModule
    {
        // Even a module's contracts are out of the kernel's reach.
        public object Fact() => new Modules.Beta.Contracts.PublicFact("kernel");
    }

    internal sealed class KernelBlockOnThePlatform
    {
        public string Describe() => new Platform.PlatformService().Describe();
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform
{
    internal sealed class PlatformServiceUsingTheKernel
    {
        public object Block() => new Kernel.KernelBlockOnThePlatform();
    }
}

namespace Eoffice.ArchitectureTests.Fixtures
{
    /// <summary>The context the fixture migrations name; nothing ever applies them.</summary>
    internal sealed class FixtureContext : DbContext;
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Alpha.Data.Migrations
{
    /// <summary>Alpha's own table, and Beta's in raw SQL.</summary>
    [DbContext(typeof(FixtureContext))]
    [Migration("20260101000100_AlphaThings")]
    internal sealed class M0001_AlphaThings : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alpha_things",
                columns: table => new { id = table.Column<Guid>(nullable: false) },
                constraints: table => table.PrimaryKey("pk_alpha_things", x => x.id));
            migrationBuilder.Sql("UPDATE beta_secrets SET seen_by_alpha = 1");
        }
    }

    /// <summary>Forgot its [DbContext], and is named after nothing.</summary>
    [Migration("20260101000200_Forgotten")]
    internal sealed class AlphaForgotten : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.AddColumn<int>("rank", "alpha_things", nullable: false, defaultValue: 0);
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Migrations
{
    /// <summary>Outside Beta.Data.Migrations, and number 0001 again.</summary>
    [DbContext(typeof(FixtureContext))]
    [Migration("20260101000100_BetaIndex")]
    internal sealed class M0001_BetaIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.CreateIndex("ix_beta_secrets_value", "beta_secrets", "value");
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform.Data.Migrations
{
    /// <summary>A listed crossing (Alpha's old table is dropped), and a foreign key to Alpha that is only a reference.</summary>
    [DbContext(typeof(FixtureContext))]
    [Migration("20260101000300_PlatformHandover")]
    internal sealed class M0003_PlatformHandover : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_links",
                columns: table => new { thing_id = table.Column<Guid>(nullable: false) },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_links", x => x.thing_id);
                    table.ForeignKey("fk_platform_links_thing_id", x => x.thing_id, "alpha_things", "id");
                });
            migrationBuilder.DropTable("alpha_old");
        }
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform.Notifications
{
    internal static class Notifier
    {
        public static void Notify(string text) => _ = text;
    }

    internal interface INotificationReads
    {
        void MarkReadAbout(Guid aboutId);
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Alpha
{
    internal sealed class NotifiesFromAHandler
    {
        public void Handle() => Platform.Notifications.Notifier.Notify("đã chuyển");
    }

    internal sealed class AlphaNotifications
    {
        public void HandleEvent() => Platform.Notifications.Notifier.Notify("văn bản mới");
    }

    internal sealed class OpensAThing(Platform.Notifications.INotificationReads reads)
    {
        public void Handle(Guid thingId) => reads.MarkReadAbout(thingId);
    }
}
