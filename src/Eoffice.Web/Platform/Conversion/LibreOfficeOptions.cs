namespace Eoffice.Web.Platform.Conversion;

/// <summary>
/// Where LibreOffice is and how long a conversion may take (keys of the "Eoffice" section). LibreOffice is optional:
/// without it, documents are offered as .docx only.
/// </summary>
public sealed class LibreOfficeOptions
{
    /// <summary>
    /// <c>Eoffice:LibreOfficePath</c>: the <c>soffice</c> program. Unset: <c>soffice</c>, then <c>libreoffice</c>, is looked
    /// for on the PATH. A path that does not exist means LibreOffice is not available (it is not looked for elsewhere).
    /// </summary>
    public string? LibreOfficePath { get; set; }

    /// <summary><c>Eoffice:LibreOfficeTimeout</c>: longest time one conversion may run before LibreOffice is killed.</summary>
    public TimeSpan LibreOfficeTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
