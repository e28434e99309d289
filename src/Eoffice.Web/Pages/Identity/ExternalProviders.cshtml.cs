using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.External;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>Administrators configure central sign-on: LDAP directories of the official mail and OpenID Connect servers.</summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class ExternalProvidersModel(ManageExternalProviders manage) : FormPageModel
{
    public IReadOnlyList<ManageExternalProviders.ProviderDto> Providers { get; private set; } = [];

    /// <summary>The provider being edited (<c>?id=</c>), or <c>null</c> while adding one (<c>?kind=</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public ExternalProviderKind? Kind { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasSecret { get; private set; }

    public bool Editing => Id is not null || Kind is not null;

    [TempData]
    public string? Message { get; set; }

    /// <summary>The form's fields; see <see cref="ExternalSignInProvider"/> for their meaning.</summary>
    public sealed class InputModel
    {
        public ExternalProviderKind Kind { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public bool IsEnabled { get; set; } = true;

        public string? Host { get; set; }

        public int? Port { get; set; }

        public LdapTransportSecurity Security { get; set; }

        public string? BindDnTemplate { get; set; }

        public string? SearchBase { get; set; }

        public string? SearchFilter { get; set; }

        public string? ServiceDn { get; set; }

        public string? Authority { get; set; }

        public string? ClientId { get; set; }

        public string? Scopes { get; set; }

        public string? EmailField { get; set; }

        public string? NameField { get; set; }

        public string? UserNameField { get; set; }

        [AsTyped]
        public string? Secret { get; set; }

        public bool ClearSecret { get; set; }

        public ManageExternalProviders.ProviderInput ToInput() => new(Kind, DisplayName, IsEnabled, Host, Port, Security,
            BindDnTemplate, SearchBase, SearchFilter, ServiceDn, Authority, ClientId, Scopes, EmailField, NameField, UserNameField, Secret, ClearSecret);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Id is { } id)
        {
            var provider = Providers.FirstOrDefault(p => p.Id == id);
            if (provider is null)
            {
                return NotFound();
            }

            Input = FromDto(provider);
            HasSecret = provider.HasSecret;
        }
        else if (Kind is { } kind)
        {
            Input = new InputModel { Kind = kind, DisplayName = kind == ExternalProviderKind.Ldap ? "Thư công vụ" : "Đăng nhập tập trung" };
        }

        return Page();
    }

    /// <summary>Saves the provider; its settings are checked by <see cref="ManageExternalProviders"/>, whose refusals the page shows beside the field.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            await manage.UpdateAsync(id, Input.ToInput(), cancellationToken);
        }
        else
        {
            await manage.CreateAsync(Input.ToInput(), cancellationToken);
        }

        Message = $"Đã lưu nguồn đăng nhập \"{Input.DisplayName.Trim()}\".";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid deleteId, CancellationToken cancellationToken)
    {
        await manage.DeleteAsync(deleteId, cancellationToken);
        Message = "Đã xóa nguồn đăng nhập.";
        return RedirectToPage(new { id = (Guid?)null, kind = (ExternalProviderKind?)null });
    }

    public static string KindText(ExternalProviderKind kind) => kind == ExternalProviderKind.Ldap ? "LDAP (thư công vụ)" : "OpenID Connect";

    /// <summary>The form again after a refusal: the secret is never sent back to the browser.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Input.Secret = null;
        Kind ??= Input.Kind;
        await LoadAsync(cancellationToken);
        HasSecret = Providers.FirstOrDefault(p => p.Id == Id)?.HasSecret ?? false;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Providers = await manage.ListAsync(cancellationToken);

    private static InputModel FromDto(ManageExternalProviders.ProviderDto p) => new()
    {
        Kind = p.Kind,
        DisplayName = p.DisplayName,
        IsEnabled = p.IsEnabled,
        Host = p.Host,
        Port = p.Port,
        Security = p.Security,
        BindDnTemplate = p.BindDnTemplate,
        SearchBase = p.SearchBase,
        SearchFilter = p.SearchFilter,
        ServiceDn = p.ServiceDn,
        Authority = p.Authority,
        ClientId = p.ClientId,
        Scopes = p.Scopes,
        EmailField = p.EmailField,
        NameField = p.NameField,
        UserNameField = p.UserNameField,
    };
}
