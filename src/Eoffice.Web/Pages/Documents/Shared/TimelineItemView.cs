namespace Eoffice.Web.Pages.Documents.Shared;

/// <summary>One entry of a document's history as <c>_Timeline.cshtml</c> shows it, whichever kind of document it is.</summary>
public sealed record TimelineItemView(DateTime At, string Kind, string KindName, string ActorName, string? OnBehalfOfName, string? Text, string? FileName, string? FileUrl);
