using FluentValidation;
using Upsellic.Framework.Domain;

namespace Upsellic.Framework.Validation;

public static class ValidationExtensions
{
    /// <summary>Validates <paramref name="instance"/> and throws <see cref="InputValidationException"/> with every field's reasons.</summary>
    public static async Task ValidateOrThrowAsync<T>(this IValidator<T> validator, T? instance, CancellationToken cancellationToken = default)
    {
        if (instance is null)
        {
            throw InputValidationException.For("body", "A request body is required.");
        }

        var result = await validator.ValidateAsync(instance, cancellationToken);
        if (!result.IsValid)
        {
            throw new InputValidationException(result.ToDictionary().AsReadOnly());
        }
    }
}
