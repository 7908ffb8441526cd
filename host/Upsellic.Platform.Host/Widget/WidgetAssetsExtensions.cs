using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Upsellic.Platform.Host.Widget;

/// <summary>
/// Serves the widget bundles (wwwroot/widget/v1, built by ClientApp) straight from disk. They are generated during the
/// build, so on a clean clone they are missing from MapStaticAssets' manifest; and merchant stores load them from other
/// origins, which needs CORS and caching rules of their own.
/// </summary>
public static class WidgetAssetsExtensions
{
    public static readonly PathString WidgetPath = "/widget/v1";

    /// <summary>The Live Chat panel's bundle, built by ClientApp too; same-origin only, so no CORS.</summary>
    public static readonly PathString DashboardPath = "/dashboard";

    public static IApplicationBuilder UseWidgetAssets(this IApplicationBuilder app) =>
        app.UseWhen(
                context => context.Request.Path.StartsWithSegments(WidgetPath),
                branch => branch.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = PrepareResponse }))
            .UseWhen(
                context => context.Request.Path.StartsWithSegments(DashboardPath),
                branch => branch.UseStaticFiles());

    private static void PrepareResponse(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        // Any store may embed the widget; no credentials are involved, so the wildcard is safe.
        headers[HeaderNames.AccessControlAllowOrigin] = "*";
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // loader.js keeps its URL across releases, so caches must let a new version through within minutes;
        // chat.js is requested with ?v=<hash of its content>, so that URL never changes meaning.
        var versioned = !StringValues.IsNullOrEmpty(context.Context.Request.Query["v"]);
        headers[HeaderNames.CacheControl] = versioned ? "public, max-age=31536000, immutable" : "public, max-age=300";
    }
}
