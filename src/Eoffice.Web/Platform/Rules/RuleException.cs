namespace Eoffice.Web.Platform.Rules;

/// <summary>What kind of rule a request broke; the edge (ProblemDetails setup, page filter) maps it to an answer.</summary>
public enum RuleKind
{
    /// <summary>The request itself is wrong (a missing or malformed field, a date in the past): 400.</summary>
    Invalid = 0,

    /// <summary>The request clashes with the object as it stands now (someone acted first, a duplicate): 409.</summary>
    Conflict = 1,

    /// <summary>The person may see the object but not do this to it: 403.</summary>
    Forbidden = 2,

    /// <summary>The object does not exist, or the person has no reason to see it: 404.</summary>
    NotFound = 3,
}

/// <summary>
/// A rule broken by the user's request (not a bug), with its Vietnamese message, its <see cref="RuleKind"/> and, when it
/// belongs to one, the request field (JSON name, dotted for nested fields: <c>document.subject</c>). Domain code and
/// handlers throw it; nothing below the edge knows HTTP.
/// </summary>
public class RuleException(string message, RuleKind kind = RuleKind.Invalid, string? field = null) : Exception(message)
{
    public const string NotFoundMessage = "Không tìm thấy đối tượng yêu cầu hoặc bạn không có quyền truy cập.";

    public RuleKind Kind { get; } = kind;

    public string? Field { get; } = field;

    public static RuleException Invalid(string message, string? field = null) => new(message, RuleKind.Invalid, field);

    public static RuleException Conflict(string message, string? field = null) => new(message, RuleKind.Conflict, field);

    public static RuleException Forbidden(string message, string? field = null) => new(message, RuleKind.Forbidden, field);

    public static RuleException NotFound(string message = NotFoundMessage) => new(message, RuleKind.NotFound);

    /// <summary>
    /// The first field error of a check, as a rule: a check that needs the database and gathers field errors (the unit
    /// and position of a placement). A request's own validation is not repeated here: the edge ran it.
    /// </summary>
    public static void ThrowIfAny(IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw Invalid(messages[0], field);
        }
    }
}

/// <summary>
/// The answer of a <c>CanX</c> check when the action is not allowed now: the rule, ready to be thrown by the action or
/// shown by the page that hides the button. <c>null</c> means allowed.
/// </summary>
public sealed record BrokenRule(string Message, RuleKind Kind = RuleKind.Invalid, string? Field = null)
{
    public RuleException ToException() => new(Message, Kind, Field);

    public static BrokenRule Invalid(string message, string? field = null) => new(message, RuleKind.Invalid, field);

    public static BrokenRule Conflict(string message) => new(message, RuleKind.Conflict);

    public static BrokenRule Forbidden(string message) => new(message, RuleKind.Forbidden);

    public static BrokenRule NotFound(string message = RuleException.NotFoundMessage) => new(message, RuleKind.NotFound);
}

public static class BrokenRuleExtensions
{
    /// <summary>Throws the broken rule, if any: <c>document.CanForward(party)?.Throw()</c> is how an action guards itself.</summary>
    public static void ThrowIfBroken(this BrokenRule? rule)
    {
        if (rule is not null)
        {
            throw rule.ToException();
        }
    }
}
