namespace Eoffice.Web.Platform;

/// <summary>Host-wide settings of one eOffice installation (section "Eoffice" of the configuration).</summary>
public sealed class EofficeOptions
{
    public const string Section = "Eoffice";

    /// <summary>Folder for the SQLite database, the file store and other local state; relative paths are resolved against the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Demo mode seeds the demo agency and shows a banner on every page. Never on in production.</summary>
    public bool DemoMode { get; set; }

    /// <summary>In demo mode, also registers a few sample incoming documents in each state of handling (on by default).</summary>
    public bool DemoSampleDocuments { get; set; } = true;

    public string ResolveDataPath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataPath) ? DataPath : Path.Combine(contentRoot, DataPath));
}
