using Microsoft.AspNetCore.DataProtection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.Modularity;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas.Application;
using Upsellic.Saas.Data;
using Upsellic.Saas.EntityFrameworkCore;
using Upsellic.Saas.HttpApi;
using Upsellic.Saas.Identity;

namespace Upsellic.Saas;

[DependsOn(typeof(UpsellicFrameworkModule))]
public sealed class SaasModule : UpsellicModule
{
    /// <summary>Dashboard cookie, or bearer token for API clients and hubs, chosen per request.</summary>
    public const string AuthenticationScheme = "Upsellic";

    public const string AccountRateLimitPolicy = SaasRateLimitPolicies.Account;

    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddUpsellicDbContext<SaasDbContext>(context.Configuration, SaasDbProperties.Schema);
        services.AddMigrationsAtStart<SaasDbContext>();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);

        ConfigureIdentity(services);
        ConfigureAuthentication(services);
        ConfigureAuthorization(services);
        var accountRequestsPerMinute = context.Configuration.GetValue("Saas:RateLimits:AccountRequestsPerMinute", 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-up and token requests per client address: slows down password guessing and sign-up floods.
            options.AddPolicy(AccountRateLimitPolicy, httpContext => RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = accountRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddOptions<PlatformOptions>().Bind(context.Configuration.GetSection(PlatformOptions.Section));
        services.AddOptions<DemoOptions>().Bind(context.Configuration.GetSection(DemoOptions.Section));
        services.AddScoped<TenantProvisioner>();
        services.AddScoped<AccountAppService>();
        services.AddScoped<IAccountAppService>(sp => sp.GetRequiredService<AccountAppService>());
        services.AddScoped<ITenantAdminAppService, TenantAdminAppService>();
        services.AddScoped<ITenantStore, TenantStore>();
        services.AddScoped<ITenantLookupService, TenantLookupService>();
        services.AddScoped<ITenantUserService, TenantUserService>();
        services.AddScoped<UserSessions>();
        services.AddScoped<IDataSeedContributor, SaasDataSeedContributor>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        context.App.MapAccountEndpoints();
        context.App.MapTenantAdminEndpoints();
    }

    private static void ConfigureIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<SaasDbContext>()
            .AddUserStore<PlatformUserStore>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
    }

    private static void ConfigureAuthentication(IServiceCollection services)
    {
        // Cookies and bearer tokens are protected with this key ring: kept in the database, every host (and every
        // restart) reads the same keys, so a session signed by one host is valid on the next.
        services.AddDataProtection().SetApplicationName("Upsellic").PersistKeysToDbContext<SaasDbContext>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthenticationScheme;
                options.DefaultChallengeScheme = AuthenticationScheme;
            })
            .AddPolicyScheme(AuthenticationScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(8);
                options.Events.OnMessageReceived = async message =>
                {
                    // Browsers cannot set headers on WebSocket requests: SignalR sends the token in the query string.
                    if (message.Request.Path.StartsWithSegments("/hubs") && message.Request.Query["access_token"] is [{ Length: > 0 } token])
                    {
                        message.Token = token;
                    }

                    var authorization = message.Request.Headers.Authorization.ToString();
                    var presented = message.Token ?? (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null);
                    if (!string.IsNullOrEmpty(presented))
                    {
                        await UserSessions.ValidateBearerTokenAsync(message, presented);
                    }
                };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
                options.Cookie.Name = "upsellic.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(7);
                options.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
                // Replaces Identity's interval-based stamp check: a removed member must be refused at once, not in 30 minutes.
                options.Events.OnValidatePrincipal = UserSessions.ValidateCookieAsync;
            }));
    }

    private static string SelectScheme(HttpContext httpContext)
    {
        var authorization = httpContext.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
            (httpContext.Request.Path.StartsWithSegments("/hubs") && httpContext.Request.Query.ContainsKey("access_token")))
        {
            return IdentityConstants.BearerScheme;
        }

        return IdentityConstants.ApplicationScheme;
    }

    /// <summary>API and hub callers get a status code; only pages are redirected to the login page.</summary>
    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureAuthorization(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SaasPolicies.PlatformAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(SaasRoles.PlatformAdmin))
            .AddPolicy(SaasPolicies.TenantUser, policy => policy.RequireAuthenticatedUser().RequireClaim(UpsellicClaimTypes.TenantId))
            .AddPolicy(SaasPolicies.TenantAdmin, policy => policy.RequireAuthenticatedUser()
                .RequireClaim(UpsellicClaimTypes.TenantId)
                .RequireRole(SaasRoles.Owner, SaasRoles.Admin));
    }
}
