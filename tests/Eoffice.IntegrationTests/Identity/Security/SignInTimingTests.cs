using System.Net;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Eoffice.IntegrationTests.Identity.Security;

/// <summary>
/// The answer to a sign-in must not tell, by how long it takes, whether the user name exists (issue 9, point 15): an
/// unknown name answered in about 10 ms, a wrong password in about 140 ms, the time of the password hash. Instead of
/// timing requests on a shared machine, the tests count how often the real hasher verifies a password on each path.
/// </summary>
public abstract class SignInTimingTests(EofficeApp app, CountingPasswordHasher hasher)
{
    [DbFact]
    public async Task An_unknown_user_name_costs_the_same_password_hash_as_a_wrong_password()
    {
        var (_, userName) = await app.CreateUserAsync("Nguyễn Văn Đếm");
        var (disabledId, disabledName) = await app.CreateUserAsync("Trần Văn Tắt");
        await app.UpdateUserAsync(disabledId, u => u.Disable("administrator"));
        var client = app.Client();

        var unknown = await VerificationsOfAsync(() => client.SignInAsync("khongcoai" + Guid.NewGuid().ToString("N")[..6], "Sai@12345"));
        var wrong = await VerificationsOfAsync(() => client.SignInAsync(userName, "Sai@12345"));
        var disabled = await VerificationsOfAsync(() => client.SignInAsync(disabledName, "Sai@12345"));

        Assert.Equal((1, 1, 1), (unknown.Verifications, wrong.Verifications, disabled.Verifications));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Response.StatusCode);
        Assert.Equal(await wrong.Response.TitleAsync(), await unknown.Response.TitleAsync());
        Assert.Equal(await wrong.Response.TitleAsync(), await disabled.Response.TitleAsync());
    }

    private async Task<(int Verifications, HttpResponseMessage Response)> VerificationsOfAsync(Func<Task<HttpResponseMessage>> request)
    {
        var before = hasher.Verifications;
        var response = await request();
        return (hasher.Verifications - before, response);
    }
}

/// <summary>The framework's password hasher, counting its verifications.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(User user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public class HasherCountingSqliteApp : SqliteApp
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<User>>(Hasher));
}

public class HasherCountingPostgresApp : PostgresApp
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<User>>(Hasher));
}

public sealed class SignInTimingTestsOnSqlite(HasherCountingSqliteApp app) : SignInTimingTests(app, app.Hasher), IClassFixture<HasherCountingSqliteApp>;

public sealed class SignInTimingTestsOnPostgres(HasherCountingPostgresApp app) : SignInTimingTests(app, app.Hasher), IClassFixture<HasherCountingPostgresApp>;
