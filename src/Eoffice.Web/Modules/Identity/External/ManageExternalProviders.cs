using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>
/// The administrator's list of central sign-on sources (page <c>/quan-tri/dang-nhap-tap-trung</c> and
/// <c>/api/v1/identity/external-providers</c>): add, change, enable/disable, remove. Secrets are write-only: a blank
/// secret on change keeps the stored one. Every change is audited.
/// </summary>
public sealed class ManageExternalProviders(EofficeDbContext db, ExternalProviderSecrets secrets, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <summary>A provider as shown to administrators; the secret only as "set or not".</summary>
    public sealed record ProviderDto(
        Guid Id, ExternalProviderKind Kind, string DisplayName, bool IsEnabled,
        string? Host, int? Port, LdapTransportSecurity Security, string? BindDnTemplate, string? SearchBase, string? SearchFilter, string? ServiceDn,
        string? Authority, string? ClientId, string? Scopes, string? EmailField, string? NameField, string? UserNameField,
        bool HasSecret, DateTime UpdatedAt);

    /// <summary>What an administrator submits. <see cref="Secret"/>: blank keeps the stored secret; <see cref="ClearSecret"/> removes it.</summary>
    public sealed record ProviderInput(
        ExternalProviderKind Kind, string DisplayName, bool IsEnabled,
        string? Host = null, int? Port = null, LdapTransportSecurity Security = LdapTransportSecurity.None,
        string? BindDnTemplate = null, string? SearchBase = null, string? SearchFilter = null, string? ServiceDn = null,
        string? Authority = null, string? ClientId = null, string? Scopes = null,
        string? EmailField = null, string? NameField = null, string? UserNameField = null,
        [property: AsTyped] string? Secret = null, bool ClearSecret = false);

    /// <summary>The enabled providers, for the sign-in page.</summary>
    public sealed record SignInOption(Guid Id, ExternalProviderKind Kind, string DisplayName);

    public async Task<IReadOnlyList<ProviderDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Set<ExternalSignInProvider>().AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<ProviderDto?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<ExternalSignInProvider>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } provider
            ? ToDto(provider)
            : null;

    public async Task<IReadOnlyList<SignInOption>> EnabledAsync(CancellationToken cancellationToken) =>
        await db.Set<ExternalSignInProvider>().AsNoTracking().Where(p => p.IsEnabled).OrderBy(p => p.CreatedAt)
            .Select(p => new SignInOption(p.Id, p.Kind, p.DisplayName)).ToListAsync(cancellationToken);

    public async Task<ProviderDto> CreateAsync(ProviderInput input, CancellationToken cancellationToken)
    {
        Validate(input);
        var now = time.GetUtcNow().UtcDateTime;
        var provider = new ExternalSignInProvider(input.Kind, input.DisplayName.Trim(), now);
        provider.Configure(Settings(input), now);
        if (!string.IsNullOrEmpty(input.Secret))
        {
            provider.SetProtectedSecret(secrets.Protect(input.Secret), now);
        }

        db.Add(provider);
        await unitOfWork.CommitAsync(new AuditEvent("identity.external-provider.create", "external-provider", provider.Id.ToString(),
            Details: Describe(provider)), cancellationToken);
        return ToDto(provider);
    }

    public async Task<ProviderDto> UpdateAsync(Guid id, ProviderInput input, CancellationToken cancellationToken)
    {
        var provider = await db.Set<ExternalSignInProvider>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw RuleException.NotFound();
        if (input.Kind != provider.Kind)
        {
            throw RuleException.Invalid("Không thể đổi loại của nguồn đăng nhập đã tạo; hãy tạo nguồn mới.", "kind");
        }

        Validate(input);
        var now = time.GetUtcNow().UtcDateTime;
        provider.Configure(Settings(input), now);
        if (input.ClearSecret)
        {
            provider.SetProtectedSecret(null, now);
        }
        else if (!string.IsNullOrEmpty(input.Secret))
        {
            provider.SetProtectedSecret(secrets.Protect(input.Secret), now);
        }

        await unitOfWork.CommitAsync(new AuditEvent("identity.external-provider.update", "external-provider", provider.Id.ToString(),
            Details: Describe(provider) + (string.IsNullOrEmpty(input.Secret) ? input.ClearSecret ? "; secret removed" : string.Empty : "; secret changed")),
            cancellationToken);
        return ToDto(provider);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var provider = await db.Set<ExternalSignInProvider>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw RuleException.NotFound();
        db.Remove(provider);
        await unitOfWork.CommitAsync(new AuditEvent("identity.external-provider.delete", "external-provider", provider.Id.ToString(),
            Details: Describe(provider)), cancellationToken);
    }

    private static void Validate(ProviderInput input)
    {
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > 200)
        {
            throw RuleException.Invalid("Vui lòng nhập tên hiển thị (tối đa 200 ký tự), ví dụ \"Thư công vụ tỉnh\".", "displayName");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            throw RuleException.Invalid("Loại nguồn đăng nhập không hợp lệ.", "kind");
        }

        if (input.Kind == ExternalProviderKind.Ldap)
        {
            ValidateLdap(input);
        }
        else
        {
            if (!OidcClient.IsAcceptableAddress(input.Authority?.Trim()))
            {
                throw RuleException.Invalid("Địa chỉ máy chủ xác thực phải là địa chỉ https:// đầy đủ (http:// chỉ dùng cho máy chủ trên cùng máy).", "authority");
            }

            if (string.IsNullOrWhiteSpace(input.ClientId))
            {
                throw RuleException.Invalid("Vui lòng nhập mã ứng dụng (client id) do máy chủ xác thực cấp.", "clientId");
            }

            if (!string.IsNullOrWhiteSpace(input.Scopes) && !input.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid"))
            {
                throw RuleException.Invalid("Phạm vi (scope) phải có \"openid\".", "scopes");
            }
        }
    }

    private static void ValidateLdap(ProviderInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Host) || input.Host.Trim().Length > 255 || input.Host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':'))
        {
            throw RuleException.Invalid("Vui lòng nhập tên hoặc địa chỉ máy chủ LDAP (không kèm ldap:// và cổng).", "host");
        }

        if (input.Port is < 1 or > 65535)
        {
            throw RuleException.Invalid("Cổng phải từ 1 đến 65535.", "port");
        }

        if (!Enum.IsDefined(input.Security))
        {
            throw RuleException.Invalid("Kiểu bảo vệ kết nối không hợp lệ.", "security");
        }

        var direct = !string.IsNullOrWhiteSpace(input.BindDnTemplate);
        if (direct && !input.BindDnTemplate!.Contains("{0}", StringComparison.Ordinal))
        {
            throw RuleException.Invalid("Mẫu DN phải chứa {0} ở chỗ tên người dùng, ví dụ uid={0},ou=people,dc=tinh,dc=gov,dc=vn.", "bindDnTemplate");
        }

        if (!direct)
        {
            if (string.IsNullOrWhiteSpace(input.SearchBase))
            {
                throw RuleException.Invalid("Cần mẫu DN để đăng nhập trực tiếp, hoặc DN gốc tìm kiếm và bộ lọc để tìm rồi đăng nhập.", "searchBase");
            }

            var filter = input.SearchFilter?.Trim();
            if (string.IsNullOrEmpty(filter) || !filter.Contains("{0}", StringComparison.Ordinal) || filter[0] != '(' || filter[^1] != ')')
            {
                throw RuleException.Invalid("Bộ lọc tìm kiếm phải nằm trong ngoặc và chứa {0}, ví dụ (|(uid={0})(mail={0})).", "searchFilter");
            }
        }
    }

    private static ExternalProviderSettings Settings(ProviderInput input) => new(
        input.DisplayName.Trim(), input.IsEnabled, input.Host, input.Port, input.Security, input.BindDnTemplate, input.SearchBase,
        input.SearchFilter, input.ServiceDn, input.Authority, input.ClientId, input.Scopes, input.EmailField, input.NameField, input.UserNameField);

    private static ProviderDto ToDto(ExternalSignInProvider p) => new(
        p.Id, p.Kind, p.DisplayName, p.IsEnabled, p.Host, p.Port, p.Security, p.BindDnTemplate, p.SearchBase, p.SearchFilter, p.ServiceDn,
        p.Authority, p.ClientId, p.Scopes, p.EmailField, p.NameField, p.UserNameField, p.ProtectedSecret is not null, p.UpdatedAt);

    private static string Describe(ExternalSignInProvider p) =>
        $"{p.LoginProviderName} \"{p.DisplayName}\", {(p.IsEnabled ? "enabled" : "disabled")}, "
        + (p.Kind == ExternalProviderKind.Ldap ? $"{p.Host}:{p.PortOrDefault} {p.Security}" : $"{p.Authority} client {p.ClientId}");

    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/identity/external-providers")
            .WithTags("Đăng nhập tập trung")
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts));

        group.MapGet("/", async Task<Ok<IReadOnlyList<ProviderDto>>> (ManageExternalProviders handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListExternalProviders")
            .WithSummary("Các nguồn đăng nhập tập trung (LDAP thư công vụ, OpenID Connect).");

        group.MapGet("/{id:guid}", async Task<Results<Ok<ProviderDto>, NotFound>> (Guid id, ManageExternalProviders handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .WithName("GetExternalProvider")
            .WithSummary("Một nguồn đăng nhập tập trung (không trả về mật khẩu/khóa bí mật).");

        group.MapPost("/", async Task<Created<ProviderDto>> (ProviderInput input, ManageExternalProviders handler, CancellationToken ct) =>
            {
                var dto = await handler.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/identity/external-providers/{dto.Id}", dto);
            })
            .WithName("CreateExternalProvider")
            .WithSummary("Thêm nguồn đăng nhập tập trung.");

        group.MapPut("/{id:guid}", async Task<Ok<ProviderDto>> (Guid id, ProviderInput input, ManageExternalProviders handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .WithName("UpdateExternalProvider")
            .WithSummary("Sửa, bật hoặc tắt nguồn đăng nhập tập trung; để trống mật khẩu/khóa bí mật thì giữ nguyên.");

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ManageExternalProviders handler, CancellationToken ct) =>
            {
                await handler.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteExternalProvider")
            .WithSummary("Xóa nguồn đăng nhập tập trung; các liên kết tài khoản đã có không còn dùng được.");
    }
}
