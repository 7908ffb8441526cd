namespace Upsellic.Framework.Domain;

/// <summary>
/// A broken business rule. <see cref="Code"/> comes from a module's Contracts (e.g. <c>Saas:TenantDisabled</c>) and is
/// returned to clients in the ProblemDetails so that they can react to it without parsing the message.
/// </summary>
public class BusinessException(string code, string message, int statusCode = 400, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    /// <summary>The request field the rule is about, if any; reported in the ProblemDetails' errors map.</summary>
    public string? Field { get; } = field;
}

/// <summary>The input is invalid; <see cref="Errors"/> maps each field (camelCase) to its reasons.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string reason) => new(new Dictionary<string, string[]> { [field] = [reason] });
}

public sealed class EntityNotFoundException(string entityName, object id)
    : BusinessException("Upsellic:EntityNotFound", $"{entityName} '{id}' was not found.", 404);
