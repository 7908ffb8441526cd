using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Upsellic.Platform.Host.HealthChecks;

internal static class HealthResponseWriter
{
    /// <summary>Writes {status, checks: {name: {status, description}}} so an operator sees which part is down.</summary>
    public static Task WriteAsync(HttpContext httpContext, HealthReport report)
    {
        httpContext.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return httpContext.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
