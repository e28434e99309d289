using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Eoffice.Web.Platform.Web;

/// <summary>What a form field that cannot be read says (a date typed as "31/02", letters in a number), in Vietnamese.</summary>
public static class VietnameseBindingMessages
{
    public const string Invalid = "Giá trị không hợp lệ.";
    public const string Missing = "Vui lòng nhập giá trị.";
    public const string NotANumber = "Giá trị phải là một số.";

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Giá trị “{value}” không hợp lệ.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid);
        messages.SetValueMustBeANumberAccessor(_ => NotANumber);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => NotANumber);
        messages.SetMissingBindRequiredValueAccessor(_ => Missing);
        messages.SetMissingKeyOrValueAccessor(() => Missing);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        messages.SetValueMustNotBeNullAccessor(_ => Missing);
    }
}
