using System.Text.RegularExpressions;
using Eoffice.Web.Platform;
using Mono.Cecil;

namespace Eoffice.ArchitectureTests;

/// <summary>
/// docs/GLOSSARY.md gives one English name per concept; where a second name was once used, its row says
/// "Not `X`". No type or member of the application may carry a retired name, so the glossary and the code cannot drift
/// apart again. A member that legitimately carries the word for another concept is named in the glossary as
/// <c>Type.Member</c> (e.g. <c>DepartureReason.Transfer</c>, a reason of departure).
/// </summary>
public sealed partial class GlossaryTests
{
    [Fact]
    public void No_type_or_member_uses_a_name_the_glossary_retired()
    {
        var glossary = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "GLOSSARY.md"));
        var retired = Retired().Matches(glossary).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var allowed = Qualified().Matches(glossary).Select(m => m.Groups[1].Value).Where(q => retired.Contains(q.Split('.')[^1])).ToHashSet();
        Assert.Contains("Transfer", retired);
        Assert.Contains("Direction", retired);

        using var module = ModuleDefinition.ReadModule(typeof(EofficeOptions).Assembly.Location);
        var offending = new List<string>();
        foreach (var type in module.GetTypes().Where(t => t.Namespace.StartsWith("Eoffice.Web", StringComparison.Ordinal) || t.IsNested))
        {
            if (retired.Contains(type.Name))
            {
                offending.Add(type.FullName);
            }

            var members = type.Fields.Select(f => f.Name).Concat(type.Properties.Select(p => p.Name)).Concat(type.Methods.Select(m => m.Name))
                .Where(retired.Contains)
                .Where(name => !allowed.Contains($"{type.Name}.{name}"));
            offending.AddRange(members.Select(name => $"{type.FullName}.{name}"));
        }

        Assert.True(offending.Count == 0, "Names the glossary retired:\n" + string.Join("\n", offending.Distinct()));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Eoffice.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Eoffice.slnx) was not found above the test assembly.");
    }

    [GeneratedRegex(@"Not `(\w+)`")]
    private static partial Regex Retired();

    [GeneratedRegex(@"`(\w+\.\w+)`")]
    private static partial Regex Qualified();
}
