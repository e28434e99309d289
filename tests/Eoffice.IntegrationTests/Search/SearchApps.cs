using System.Collections.Concurrent;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Search;

/// <summary>
/// The items of a test-only kind ("test-note"): what a later module (dossiers, tasks) would give the index, with a body
/// standing for the extracted text of a file. The kind is read by everyone of the item's agency.
/// </summary>
public sealed class TestNotes
{
    public const string Kind = "test-note";
    public const string ChangedEvent = "tests.note.changed";

    public ConcurrentDictionary<Guid, SearchItem> Items { get; } = new();
}

public sealed class TestNoteSource(TestNotes notes, ICurrentUser currentUser) : ISearchSource
{
    public string Kind => TestNotes.Kind;

    public string Name => "Ghi chú thử";

    public Task<IReadOnlyList<SearchItem>> LoadAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SearchItem>>(itemIds.Select(id => notes.Items.GetValueOrDefault(id)).OfType<SearchItem>().ToList());

    public Task<IReadOnlyList<Guid>> ItemIdsAsync(Guid? after, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>>(notes.Items.Keys.Where(k => after is null || k.CompareTo(after.Value) > 0).Order().Take(take).ToList());

    public Task<SearchReaderScope> ReaderScopeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(currentUser.AgencyId is { } agency ? new SearchReaderScope(agency, true, []) : SearchReaderScope.None(Guid.Empty));
}

/// <summary>
/// A second test-only kind ("test-memo") whose items are read by the people they list only: the kind whose readers are
/// inside the full-text match (ADR 0029). Its items are those of <see cref="TestMemos"/>.
/// </summary>
public sealed class TestMemos
{
    public const string Kind = "test-memo";

    public ConcurrentDictionary<Guid, SearchItem> Items { get; } = new();
}

public sealed class TestMemoSource(TestMemos memos, ICurrentUser currentUser) : ISearchSource
{
    public string Kind => TestMemos.Kind;

    public string Name => "Bản ghi nhớ thử";

    public Task<IReadOnlyList<SearchItem>> LoadAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SearchItem>>(itemIds.Select(id => memos.Items.GetValueOrDefault(id)).OfType<SearchItem>().ToList());

    public Task<IReadOnlyList<Guid>> ItemIdsAsync(Guid? after, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>>(memos.Items.Keys.Where(k => after is null || k.CompareTo(after.Value) > 0).Order().Take(take).ToList());

    public Task<SearchReaderScope> ReaderScopeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(currentUser is { AgencyId: { } agency, Id: { } person }
            ? new SearchReaderScope(agency, false, [person])
            : SearchReaderScope.None(Guid.Empty));
}

internal static class SearchTestServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<TestNotes>();
        services.AddOutboxEvents<TimelineEvent>([TestNotes.ChangedEvent]);
        services.AddSearchSource<TestNoteSource>(TestNotes.Kind, [TestNotes.ChangedEvent]);
        services.AddSingleton<TestMemos>();
        services.AddSearchSource<TestMemoSource>(TestMemos.Kind, []);
    }
}

public sealed class SearchSqliteApp : SqliteApp
{
    protected override void ConfigureTestServices(IServiceCollection services) => SearchTestServices.Add(services);
}

public sealed class SearchPostgresApp : PostgresApp
{
    protected override void ConfigureTestServices(IServiceCollection services) => SearchTestServices.Add(services);
}
