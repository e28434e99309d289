using Microsoft.AspNetCore.OpenApi;

namespace Eoffice.Web.Platform.Web;

public static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "eOffice API";
            document.Info.Description = "JSON API of eOffice (văn phòng điện tử). Errors are RFC 9457 problem details.";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        });
    }
}
