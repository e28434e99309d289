using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// A reason for a person to read a stored file. The platform knows only "you uploaded it" and "you manage the file
/// store"; modules add their own (a participant in the processing of the document the file is attached to, the clerk
/// of its register…) with <c>services.AddScoped&lt;IFileAccessPolicy, MyPolicy&gt;()</c>. Access is granted when any
/// registered policy grants it; everyone else is told the file does not exist (404), as for any object they have no
/// reason to see.
/// </summary>
public interface IFileAccessPolicy
{
    Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken);
}

/// <summary>The platform's own rule: the uploader, and holders of <see cref="PlatformPermissions.ManageFiles"/>.</summary>
public sealed class UploaderOrFileManagerPolicy : IFileAccessPolicy
{
    public Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken) =>
        Task.FromResult(
            (user.Id is { } id && file.CreatedBy == id) || user.HasPermission(PlatformPermissions.ManageFiles));
}
