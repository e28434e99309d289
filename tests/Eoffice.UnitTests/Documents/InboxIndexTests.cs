using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Data;
using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.UnitTests.Documents;

/// <summary>
/// The inbox's partial indexes name the "nhận để biết" role by its number in literal SQL (and M0017 repeats it): if the
/// enum's value moved, the lists would still be right but would silently stop using their indexes.
/// </summary>
public sealed class InboxIndexTests
{
    [Fact]
    public void The_partial_index_filters_name_the_for_information_role_by_its_stored_value()
    {
        var role = (int)AssignmentRole.ForInformation;
        Assert.EndsWith($"role = {role}", IncomingAssignmentConfiguration.InformationByUserFilter, StringComparison.Ordinal);
        Assert.EndsWith($"role = {role}", IncomingAssignmentConfiguration.InformationByUnitFilter, StringComparison.Ordinal);
        Assert.EndsWith($"role <> {role}", IncomingAssignmentConfiguration.WorkByUserFilter, StringComparison.Ordinal);
        Assert.EndsWith($"role <> {role}", IncomingAssignmentConfiguration.WorkByUnitFilter, StringComparison.Ordinal);
    }
}

/// <summary>Every kind of entry an incoming document's history can hold is a declared event (the commit path refuses an undeclared one).</summary>
public sealed class IncomingEventNamesTests
{
    [Fact]
    public void Every_history_entry_kind_is_published_under_a_declared_documents_incoming_name()
    {
        var kinds = HandlingEventKinds.All.Concat(IncomingEventKinds.Own).ToList();

        Assert.Equal(kinds.Select(k => $"documents.incoming.{k}").Order(), Eoffice.Web.Modules.Documents.Contracts.IncomingDocumentEvents.All.Order());
        Assert.All(kinds, k => Assert.NotEqual(k, IncomingEventKinds.Name(k)));
    }
}
