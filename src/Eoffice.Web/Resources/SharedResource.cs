namespace Eoffice.Web.Resources;

/// <summary>Marker for the shared UI strings (SharedResource.resx, Vietnamese). Add SharedResource.en.resx for English.</summary>
public sealed class SharedResource;
