namespace Upsellic.Platform.IntegrationTests.Conversations;

public sealed record AgentPresence(Guid UserId, string Name, string Status);
