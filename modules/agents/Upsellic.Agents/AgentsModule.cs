using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Agents.Application;
using Upsellic.Agents.Email;
using Upsellic.Agents.EntityFrameworkCore;
using Upsellic.Agents.EventHandlers;
using Upsellic.Agents.HttpApi;
using Upsellic.Framework;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.Modularity;
using Upsellic.Saas;

namespace Upsellic.Agents;

/// <summary>
/// The store's team: invitations, roles (through the SaaS module's ITenantUserService), agent profiles, and the
/// platform's email sender. Presence is not here: IAgentPresenceQuery is implemented by the live-chat side.
/// </summary>
[DependsOn(typeof(UpsellicFrameworkModule))]
public sealed class AgentsModule : UpsellicModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddUpsellicDbContext<AgentsDbContext>(context.Configuration, AgentsDbProperties.Schema);
        services.AddMigrationsAtStart<AgentsDbContext>();
        services.AddHttpContextAccessor();
        services.AddOptions<InvitationOptions>().Bind(context.Configuration.GetSection(InvitationOptions.Section));
        services.AddOptions<EmailOptions>().Bind(context.Configuration.GetSection(EmailOptions.Section));

        services.AddScoped<TeamCaller>();
        services.AddScoped<TeamAppService>();
        services.AddScoped<ITeamAppService>(sp => sp.GetRequiredService<TeamAppService>());
        services.AddScoped<IAgentProfileService>(sp => sp.GetRequiredService<TeamAppService>());
        services.AddScoped<IInvitationAppService, InvitationAppService>();
        services.AddScoped<ILocalEventHandler<TeamMemberRemovedEto>, TeamMemberRemovedHandler>();

        // Decided once at start: a host either has an SMTP server or keeps mail in the outbox.
        var email = context.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (email.UsesSmtp)
        {
            services.AddScoped<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddScoped<IEmailSender, OutboxEmailSender>();
        }

        services.AddScoped<IEmailOutbox, EmailOutbox>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context) =>
        context.App.MapTeamEndpoints();
}
