using Eoffice.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// TCVN 6909:2001: every text that reaches the database is Unicode NFC, whatever keyboard or PDF it came from, and
/// without control or bidirectional characters (<see cref="SafeText"/>) — also text that came through no request (a
/// staff file, a directory, a seeder). Done once here rather than in every handler.
/// </summary>
public sealed class NfcNormalizationInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Normalize(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Normalize(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Normalize(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType == typeof(string) && property.CurrentValue is string text
                    && SafeText.ForStorage(text) is var stored && !ReferenceEquals(stored, text))
                {
                    property.CurrentValue = stored;
                }
            }
        }
    }
}
