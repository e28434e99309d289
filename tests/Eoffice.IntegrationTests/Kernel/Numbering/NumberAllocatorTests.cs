using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Kernel.Numbering;

/// <summary>
/// The kernel's number allocator on a real database: the guarantee every numbered kind relies on (arrival numbers,
/// outgoing series, one-stop receipts). Each test numbers a book of its own, so the tests share the app freely.
/// </summary>
public abstract class NumberAllocatorTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    /// <summary>Takes one number in its own scope and transaction, as a request does, and commits (or rolls back).</summary>
    private async Task<int> AllocateAsync(Guid book, int year, NumberSeries series, bool commit = true)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var allocator = scope.ServiceProvider.GetRequiredService<NumberAllocator>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await allocator.NextAsync(book, year, series, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return number;
    }

    private Task<int?> LastNumberAsync(Guid book, int year, NumberSeries series) =>
        app.WithDbAsync(db => db.Set<NumberCounter>().Where(c => c.ScopeId == book && c.Year == year && c.Series == series.Key)
            .Select(c => (int?)c.LastNumber).SingleOrDefaultAsync());

    [DbFact]
    public async Task Fifty_parallel_allocations_in_one_series_of_one_year_get_exactly_the_numbers_1_to_50()
    {
        var book = Guid.CreateVersion7();

        var numbers = await Task.WhenAll(Enumerable.Range(1, 50).Select(_ => Task.Run(() => AllocateAsync(book, 2027, NumberSeries.ForType("QĐ")))));

        Assert.Equal(Enumerable.Range(1, 50), numbers.Order());
        Assert.Equal(50, await LastNumberAsync(book, 2027, NumberSeries.ForType("QĐ")));
    }

    [DbFact]
    public async Task Two_series_of_one_book_and_one_series_in_two_years_count_independently()
    {
        var book = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();

        var main = new[] { await AllocateAsync(book, 2026, NumberSeries.Main), await AllocateAsync(book, 2026, NumberSeries.Main) };
        var decisions = await AllocateAsync(book, 2026, NumberSeries.ForType("QĐ"));
        var normative = await AllocateAsync(book, 2026, NumberSeries.Normative);
        var advisory = await AllocateAsync(book, 2026, NumberSeries.Named("hoi-dong-thi-dua"));
        var thirdMain = await AllocateAsync(book, 2026, NumberSeries.Main);
        var nextYear = await AllocateAsync(book, 2027, NumberSeries.Main);
        var otherBook = await AllocateAsync(other, 2026, NumberSeries.Main);

        Assert.Equal([1, 2], main);
        Assert.Equal((1, 1, 1), (decisions, normative, advisory));
        Assert.Equal(3, thirdMain);
        Assert.Equal(1, nextYear);
        Assert.Equal(1, otherBook);
        Assert.Equal(3, await LastNumberAsync(book, 2026, NumberSeries.Main));
        Assert.Equal(1, await LastNumberAsync(book, 2027, NumberSeries.Main));
    }

    [DbFact]
    public async Task A_rolled_back_allocation_gives_its_number_back_to_the_next_one()
    {
        var book = Guid.CreateVersion7();
        Assert.Equal(1, await AllocateAsync(book, 2026, NumberSeries.Main));

        var abandoned = await AllocateAsync(book, 2026, NumberSeries.Main, commit: false);
        var next = await AllocateAsync(book, 2026, NumberSeries.Main);

        Assert.Equal(2, abandoned);
        Assert.Equal(2, next);
        Assert.Equal(2, await LastNumberAsync(book, 2026, NumberSeries.Main));
    }

    [DbFact]
    public async Task A_rolled_back_first_allocation_of_a_year_leaves_no_counter_behind()
    {
        var book = Guid.CreateVersion7();

        Assert.Equal(1, await AllocateAsync(book, 2026, NumberSeries.Copies, commit: false));

        Assert.Null(await LastNumberAsync(book, 2026, NumberSeries.Copies));
        Assert.Equal(1, await AllocateAsync(book, 2026, NumberSeries.Copies));
    }

    [DbFact]
    public async Task A_number_taken_outside_a_transaction_is_refused_because_it_could_not_be_given_back()
    {
        using var scope = app.Services.CreateScope();
        var allocator = scope.ServiceProvider.GetRequiredService<NumberAllocator>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => allocator.NextAsync(Guid.CreateVersion7(), 2026, NumberSeries.Main, CancellationToken.None));
    }
}

public sealed class NumberAllocatorTestsOnSqlite(SqliteApp app) : NumberAllocatorTests<SqliteApp>(app);

public sealed class NumberAllocatorTestsOnPostgres(PostgresApp app) : NumberAllocatorTests<PostgresApp>(app), IPostgresSuite;
