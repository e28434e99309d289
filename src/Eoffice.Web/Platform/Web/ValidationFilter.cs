using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// A request that checks its own fields. Field errors are keyed by the JSON field name and written in Vietnamese, so a
/// page can show them beside the field and the API can return them as a validation problem.
/// </summary>
public interface IValidatableRequest
{
    Dictionary<string, string[]> Validate();
}

/// <summary>
/// Validation at the edge, once (docs/architecture.md §3): every argument of the endpoint that is an
/// <see cref="IValidatableRequest"/> is validated before the handler runs; any field error answers 400 with an RFC 9457
/// validation problem and the handler is not called. Add it to a route group with <c>.WithRequestValidation()</c>.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public const string Title = "Dữ liệu không hợp lệ.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IValidatableRequest request && request.Validate() is { Count: > 0 } errors)
            {
                return TypedResults.ValidationProblem(errors, title: Title);
            }
        }

        return await next(context);
    }
}

public static class ValidationFilterExtensions
{
    public static TBuilder WithRequestValidation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ValidationFilter>();

    /// <summary>
    /// For a caller that is not an edge (a console command, a seeder, another handler), which must validate the request
    /// before handing it to a handler: throws the first field error as a rule exception. Pages and endpoints never need it.
    /// </summary>
    public static void ThrowIfInvalid(this IValidatableRequest request)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            var (field, messages) = errors.First();
            throw RuleException.Invalid(messages[0], field);
        }
    }
}
