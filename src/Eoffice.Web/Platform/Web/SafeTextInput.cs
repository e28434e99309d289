using System.Text.Json.Serialization.Metadata;
using Eoffice.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// A text used exactly as typed — a password or a secret, never shown — from which the edge removes nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AsTypedAttribute : Attribute;

/// <summary>
/// The edge removes the characters <see cref="SafeText"/> names from every text a request brings — the strings of JSON
/// bodies (properties of any request type, nested ones and lists of strings included) and every form, query or route
/// value a page binds — before validation runs. So a required field that holds nothing else ("\u0000") is refused as
/// empty, with its usual message beside the field, and no handler ever sees them. Texts marked
/// <see cref="AsTypedAttribute"/> are left alone.
/// </summary>
public static class SafeTextInput
{
    public static IServiceCollection AddSafeTextInput(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver =
            (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(CleanWhenDeserialized));
        services.Configure<MvcOptions>(options =>
        {
            // Just before the binder of simple types, so that body, header, service and custom binders keep precedence.
            var simple = options.ModelBinderProviders.TakeWhile(p => p is not SimpleTypeModelBinderProvider).Count();
            options.ModelBinderProviders.Insert(simple, new SafeTextBinderProvider());
        });
        return services;
    }

    /// <summary>Adds to each object's contract a step, after it is read, that cleans its string properties.</summary>
    private static void CleanWhenDeserialized(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var texts = type.Properties
            .Where(p => p is { Get: not null, Set: not null } && p.AttributeProvider?.IsDefined(typeof(AsTypedAttribute), inherit: true) != true
                && (p.PropertyType == typeof(string) || typeof(IList<string>).IsAssignableFrom(p.PropertyType)
                    || p.PropertyType == typeof(IReadOnlyList<string>) || p.PropertyType == typeof(IEnumerable<string>)))
            .ToList();
        if (texts.Count == 0)
        {
            return;
        }

        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var property in texts)
            {
                switch (property.Get!(value))
                {
                    case string text when !SafeText.IsSafe(text):
                        property.Set!(value, SafeText.Clean(text));
                        break;
                    case IList<string> list:
                        for (var i = 0; i < list.Count; i++)
                        {
                            if (list[i] is { } item && !SafeText.IsSafe(item))
                            {
                                list[i] = SafeText.Clean(item);
                            }
                        }

                        break;
                }
            }

            earlier?.Invoke(value);
        };
    }

    private sealed class SafeTextBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            if (context.Metadata.ModelType != typeof(string)
                || (context.Metadata as DefaultModelMetadata)?.Attributes.Attributes.OfType<AsTypedAttribute>().Any() == true)
            {
                return null;
            }

            var loggers = context.Services.GetRequiredService<ILoggerFactory>();
            return new SafeTextBinder(new SimpleTypeModelBinder(typeof(string), loggers));
        }
    }

    /// <summary>Binds the text as usual, then cleans it; the form shows the cleaned value again when it comes back with errors.</summary>
    private sealed class SafeTextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result is not { IsModelSet: true, Model: string text } || SafeText.IsSafe(text))
            {
                return;
            }

            var cleaned = SafeText.Clean(text);
            var model = cleaned.Length == 0 && context.ModelMetadata.ConvertEmptyStringToNull ? null : cleaned;
            context.ModelState.SetModelValue(context.ModelName, model, cleaned);
            context.Result = ModelBindingResult.Success(model);
        }
    }
}
