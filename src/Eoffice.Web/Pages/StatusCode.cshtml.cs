using Eoffice.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Eoffice.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int Code { get; private set; }

    public string Message { get; private set; } = string.Empty;

    public void OnGet(int code)
    {
        Code = code;
        Message = code switch
        {
            404 => localizer["Status.404"],
            403 => localizer["Status.403"],
            400 => localizer["Status.400"],
            429 => localizer["Status.429"],
            _ => localizer["Status.Other"],
        };
    }

    public void OnPost(int code) => OnGet(code);
}
