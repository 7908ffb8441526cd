using Microsoft.AspNetCore.Mvc.ModelBinding;
using Upsellic.Framework.Domain;

namespace Upsellic.Platform.Host.Pages;

internal static class ModelStateExtensions
{
    /// <summary>Shows a service's field errors (camelCase names, as in the API) next to the form's inputs of <paramref name="prefix"/>.</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, InputValidationException exception, string prefix)
    {
        foreach (var (field, reasons) in exception.Errors)
        {
            var key = field == "body" ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var reason in reasons)
            {
                modelState.AddModelError(key, reason);
            }
        }
    }
}
