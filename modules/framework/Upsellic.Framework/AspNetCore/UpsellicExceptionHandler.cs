using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Upsellic.Framework.Domain;

namespace Upsellic.Framework.AspNetCore;

/// <summary>Turns business and validation exceptions into RFC 9457 ProblemDetails with an error code and field errors.</summary>
public sealed class UpsellicExceptionHandler(IProblemDetailsService problemDetails, ILogger<UpsellicExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            InputValidationException validation => new HttpValidationProblemDetails(ToCamelCase(validation.Errors))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
                Extensions = { ["code"] = "Upsellic:Validation" },
            },
            BusinessException business => BusinessProblem(business),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = badRequest.InnerException is JsonException json ? json.Message : badRequest.Message,
                Extensions = { ["code"] = "Upsellic:BadRequest" },
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        logger.LogInformation("Request refused with {Status}: {Reason}", problem.Status, exception.Message);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails BusinessProblem(BusinessException business)
    {
        ProblemDetails problem = business.Field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [business.Field] = [business.Message] });
        problem.Status = business.StatusCode;
        problem.Title = business.Message;
        problem.Extensions["code"] = business.Code;
        return problem;
    }

    private static Dictionary<string, string[]> ToCamelCase(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => CamelCasePath(e.Key), e => e.Value);

    /// <summary>"Channels.WhatsApp.Value" → "channels.whatsApp.value": each segment as the client spelled its JSON.</summary>
    public static string CamelCasePath(string path) => string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
