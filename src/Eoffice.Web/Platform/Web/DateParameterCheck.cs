using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// Dates in the query string or the route of an API endpoint, checked once for every endpoint at the edge: a date the
/// working-day calendar does not cover (before 1900 or after 2100, such as 0001-01-01 or 9999-12-31) answers 400 with a
/// validation problem naming the parameter, before any handler reckons with it. The parameters are read from the
/// endpoint's own binding metadata (those of <c>[AsParameters]</c> records included), so a new endpoint is covered
/// without doing anything. A value that is no date at all is left to the binding, which refuses it with 400 as well.
/// </summary>
public sealed class DateParameterCheck(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Endpoint, DateParameter[]> DatesByEndpoint = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint && context.Request.IsApiRequest()
            && DatesByEndpoint.GetOrAdd(endpoint, DatesOf) is { Length: > 0 } dates
            && OutsideTheCalendar(context, dates) is { Count: > 0 } errors)
        {
            await TypedResults.ValidationProblem(errors, title: ValidationFilter.Title).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private sealed record DateParameter(string Name, bool FromRoute);

    private static DateParameter[] DatesOf(Endpoint endpoint) =>
        endpoint.Metadata.OfType<IParameterBindingMetadata>()
            .Where(p => IsDate(p.ParameterInfo.ParameterType) && p.ParameterInfo.GetCustomAttribute<FromHeaderAttribute>() is null
                && p.ParameterInfo.GetCustomAttribute<FromBodyAttribute>() is null)
            .Select(p => p.ParameterInfo.GetCustomAttribute<FromRouteAttribute>() is { } route
                ? new DateParameter(route.Name ?? p.Name, FromRoute: true)
                : new DateParameter(p.ParameterInfo.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name, FromRoute: false))
            .ToArray();

    private static bool IsDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset));

    private static Dictionary<string, string[]> OutsideTheCalendar(HttpContext context, DateParameter[] dates)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var date in dates)
        {
            // Without [FromRoute] the binding takes a route value of that name first, then the query string.
            var value = context.Request.RouteValues.TryGetValue(date.Name, out var routed) ? routed?.ToString()
                : date.FromRoute ? null
                : context.Request.Query[date.Name].ToString();
            if (YearOf(value) is { } year && !WorkingDayCalendar.Covers(year))
            {
                errors[JsonNamingPolicy.CamelCase.ConvertName(date.Name)] = [WorkingDayCalendar.OutOfRangeMessage];
            }
        }

        return errors;
    }

    private static int? YearOf(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) ? date.Year
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant.Year
        : DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local.Year
        : null;
}
