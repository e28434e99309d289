using System.Reflection;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// A page with a form. When the form comes back with errors, <see cref="FormPageFilter"/> shows the page again after
/// <see cref="OnRedisplayAsync"/> has loaded what it shows besides the posted values (choices, the document…).
/// </summary>
public abstract class FormPageModel : PageModel
{
    public virtual Task OnRedisplayAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The first error of a form field (<c>ErrorOf("Input.Document.Subject")</c>), for the message beside it.</summary>
    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>
    /// The first error of a small form that has no fields of its own (a status button, a move), kept under
    /// <paramref name="prefix"/> by <see cref="RuleErrorsUnderAttribute"/>: <c>ErrorUnder("Status")</c>.
    /// </summary>
    public string? ErrorUnder(string prefix) =>
        ModelState.Where(e => e.Key == prefix || e.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
            .SelectMany(e => e.Value?.Errors ?? []).FirstOrDefault()?.ErrorMessage;
}

/// <summary>
/// On a page handler whose form is not a posted request (a "Ngừng hoạt động" button, a move with one select): the rule
/// errors it throws go under this prefix instead of <c>Input</c>, so the page shows them beside that form
/// (<see cref="FormPageModel.ErrorUnder"/>) and not beside the fields of another form of the page.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RuleErrorsUnderAttribute(string prefix) : Attribute
{
    public string Prefix { get; } = prefix;
}

/// <summary>
/// The pages' edge, once for every page (as <see cref="ValidationFilter"/> is for the API):
/// <list type="bullet">
/// <item>on a form post, every posted <c>[BindProperty]</c> that is an <see cref="IValidatableRequest"/> is validated
/// before the handler runs — the same checks as the API — and its errors go beside the fields (a request field
/// <c>document.subject</c> of the property <c>Input</c> is the form field <c>Input.Document.Subject</c>); with any
/// error the handler does not run and the page is shown again;</item>
/// <item>a <see cref="RuleException"/> from the handler becomes a message beside its field (or above the form), after
/// the unit of work is cleared so nothing half-done is saved later; a not-found rule becomes 404, on any request.</item>
/// </list>
/// A request property is validated only when the form posted a field of it, so a page with two forms (edit, cancel)
/// validates the one that was sent; a handler marked <see cref="RuleErrorsUnderAttribute"/> keeps its rule errors
/// under its own prefix.
/// </summary>
public sealed class FormPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var prefix = "Input";
        if (!isRead && context.HandlerInstance is PageModel page)
        {
            var posted = PostedRequests(page, request).ToList();
            foreach (var (name, validatable) in posted)
            {
                prefix = name;
                context.ModelState.AddFieldErrors(validatable.Validate(), name);
            }

            // Only the posted requests' fields decide (a page's own, unrelated bindings keep their own handling).
            if (posted.Any(p => HasErrorsUnder(context.ModelState, p.Name)))
            {
                context.Result = await RedisplayAsync(context.HandlerInstance, context.HttpContext.RequestAborted);
                return;
            }
        }

        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<RuleErrorsUnderAttribute>() is { } declared)
        {
            prefix = declared.Prefix;
        }

        var executed = await next();
        if (executed.Exception is not RuleException rule || executed.ExceptionHandled)
        {
            return;
        }

        executed.ExceptionHandled = true;
        if (rule.Kind == RuleKind.NotFound)
        {
            executed.Result = new NotFoundResult();
        }
        else if (isRead)
        {
            executed.Result = new StatusCodeResult(ProblemDetailsSetup.StatusOf(rule.Kind));
        }
        else
        {
            context.HttpContext.RequestServices.GetRequiredService<EofficeDbContext>().ChangeTracker.Clear();
            executed.ModelState.AddRuleError(rule, prefix);
            executed.Result = await RedisplayAsync(context.HandlerInstance, context.HttpContext.RequestAborted);
        }
    }

    private static async Task<IActionResult> RedisplayAsync(object handler, CancellationToken cancellationToken)
    {
        if (handler is FormPageModel form)
        {
            try
            {
                await form.OnRedisplayAsync(cancellationToken);
            }
            catch (RuleException gone)
            {
                // What the page shows is no longer the viewer's to see (or to change): answer as a GET would.
                return gone.Kind == RuleKind.NotFound ? new NotFoundResult() : new StatusCodeResult(ProblemDetailsSetup.StatusOf(gone.Kind));
            }
        }

        return new PageResult();
    }

    private static bool HasErrorsUnder(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string name) =>
        modelState.Any(e => e.Value is { Errors.Count: > 0 } && (e.Key == name || e.Key.StartsWith(name + ".", StringComparison.Ordinal)
            || e.Key.StartsWith(name + "[", StringComparison.Ordinal)));

    /// <summary>The bound request properties of the page whose fields this form posted.</summary>
    private static IEnumerable<(string Name, IValidatableRequest Request)> PostedRequests(PageModel page, HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            yield break;
        }

        var keys = request.Form.Keys;
        foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is null || property.GetValue(page) is not IValidatableRequest validatable)
            {
                continue;
            }

            var name = property.Name;
            if (keys.Any(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)
                    || k.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase) || k.StartsWith(name + "[", StringComparison.OrdinalIgnoreCase)))
            {
                yield return (name, validatable);
            }
        }
    }
}
