using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Upsellic.Conversations.Domain;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.EntityFrameworkCore;

public static class ConversationsDbProperties
{
    public const string Schema = "conversations";
}

public sealed class ConversationsDbContext(DbContextOptions<ConversationsDbContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : UpsellicDbContext<ConversationsDbContext>(options, currentTenant, dataFilter)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<AgentConnection> AgentConnections => Set<AgentConnection>();

    public DbSet<AgentAvailability> AgentAvailabilities => Set<AgentAvailability>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ConfigureConversations();
}

public static class ConversationsModelBuilderExtensions
{
    public static void ConfigureConversations(this ModelBuilder builder)
    {
        builder.HasDefaultSchema(ConversationsDbProperties.Schema);
        builder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("Conversations");
            conversation.Property(c => c.Id).ValueGeneratedNever();
            conversation.Property(c => c.VisitorTokenHash).HasMaxLength(64).IsRequired();
            conversation.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            conversation.Property(c => c.HandoffCategory).HasMaxLength(40);
            conversation.Property(c => c.Summary).HasMaxLength(2000);
            conversation.Property(c => c.AssignedAgentName).HasMaxLength(100);
            conversation.Property(c => c.ContactChannelsJson).HasColumnType("jsonb");
            conversation.Property(c => c.PageUrl).HasMaxLength(500);
            conversation.Ignore(c => c.Reference);
            conversation.Ignore(c => c.AssistantMaySpeak);
            conversation.HasIndex(c => new { c.TenantId, c.Status, c.LastMessageAt });
            // The watcher's sweeps look across every store at the live statuses.
            conversation.HasIndex(c => new { c.Status, c.LastMessageAt });
        });
        builder.Entity<Message>(message =>
        {
            message.ToTable("Messages");
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.Text).HasMaxLength(ConversationLimits.MaxMessageLength * 2).IsRequired();
            message.Property(m => m.AuthorName).HasMaxLength(100);
            message.Property(m => m.ClientMessageId).HasMaxLength(ConversationLimits.MaxClientMessageIdLength);
            message.HasIndex(m => new { m.ConversationId, m.Sequence }).IsUnique();
            message.HasIndex(m => new { m.ConversationId, m.ClientMessageId }).IsUnique().HasFilter("\"ClientMessageId\" IS NOT NULL");
            message.HasIndex(m => new { m.ConversationId, m.ReplyToSequence }).IsUnique().HasFilter("\"ReplyToSequence\" IS NOT NULL");
            message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => new { m.AuthorUserId, m.CreatedAt });
        });
        builder.Entity<AgentConnection>(connection =>
        {
            connection.ToTable("AgentConnections");
            connection.HasKey(c => c.ConnectionId);
            connection.Property(c => c.ConnectionId).HasMaxLength(100);
            connection.Property(c => c.AgentName).HasMaxLength(100);
            connection.HasIndex(c => new { c.TenantId, c.LastSeenAt });
        });
        builder.Entity<AgentAvailability>(availability =>
        {
            availability.ToTable("AgentAvailabilities");
            availability.HasKey(a => a.UserId);
        });
    }
}

public sealed class ConversationsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ConversationsDbContext>
{
    public ConversationsDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<ConversationsDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=upsellic_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory", ConversationsDbProperties.Schema))
            .Options,
        new CurrentTenant(),
        new DataFilter());
}
