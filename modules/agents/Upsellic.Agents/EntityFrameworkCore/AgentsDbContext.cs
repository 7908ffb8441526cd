using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Upsellic.Agents.Domain;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Agents.EntityFrameworkCore;

public static class AgentsDbProperties
{
    public const string Schema = "agents";
}

public sealed class AgentsDbContext(DbContextOptions<AgentsDbContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : UpsellicDbContext<AgentsDbContext>(options, currentTenant, dataFilter)
{
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AgentProfile> Profiles => Set<AgentProfile>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ConfigureAgents();
}

public static class AgentsModelBuilderExtensions
{
    public static void ConfigureAgents(this ModelBuilder builder)
    {
        builder.HasDefaultSchema(AgentsDbProperties.Schema);

        builder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.Property(i => i.Id).ValueGeneratedNever();
            invitation.Property(i => i.Email).HasMaxLength(Invitation.MaxEmailLength).IsRequired();
            invitation.Property(i => i.NormalizedEmail).HasMaxLength(Invitation.MaxEmailLength).IsRequired();
            invitation.Property(i => i.Role).HasMaxLength(16).IsRequired();
            invitation.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
            invitation.Property(i => i.InvitedByName).HasMaxLength(100).IsRequired();
            // The token names the invitation (and so its store) on the anonymous accept page.
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            // One open invitation per address and store: a second invite of the same address replaces the first.
            invitation.HasIndex(i => new { i.TenantId, i.NormalizedEmail }).IsUnique()
                .HasFilter("\"AcceptedAt\" IS NULL AND \"RevokedAt\" IS NULL");
        });

        builder.Entity<AgentProfile>(profile =>
        {
            profile.ToTable("Profiles");
            profile.Property(p => p.Id).ValueGeneratedNever();
            profile.Property(p => p.DisplayName).HasMaxLength(AgentProfile.MaxDisplayNameLength).IsRequired();
            profile.Property(p => p.Initials).HasMaxLength(AgentProfile.MaxInitialsLength * 2).IsRequired();
            profile.Property(p => p.Colour).HasMaxLength(7).IsRequired();
            // User ids are unique across the platform: one profile per person.
            profile.HasIndex(p => p.UserId).IsUnique();
        });

        builder.Entity<OutboxEmail>(email =>
        {
            email.ToTable("OutboxEmails");
            email.Property(e => e.Id).ValueGeneratedNever();
            email.Property(e => e.To).HasMaxLength(256).IsRequired();
            email.Property(e => e.Subject).HasMaxLength(300).IsRequired();
            email.Property(e => e.TextBody).IsRequired();
            email.HasIndex(e => e.CreatedAt);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
public sealed class AgentsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AgentsDbContext>
{
    public AgentsDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<AgentsDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=upsellic_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory", AgentsDbProperties.Schema))
            .Options,
        new CurrentTenant(),
        new DataFilter());
}
