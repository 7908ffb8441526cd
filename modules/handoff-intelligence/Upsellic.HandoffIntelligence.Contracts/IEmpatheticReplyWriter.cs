namespace Upsellic.HandoffIntelligence;

/// <summary>
/// Writes the message the shopper sees at once when a conversation is handed off: it acknowledges what they said,
/// asks no question, promises nothing the store has not said, and tells what happens next.
/// </summary>
public interface IEmpatheticReplyWriter
{
    /// <param name="agentOnline">True: a person from the team joins this chat. False: the contact options are shown below the reply.</param>
    /// <param name="variantSeed">Chooses among equivalent phrasings; the same seed gives the same reply.</param>
    string Write(HandoffCategory category, IReadOnlyList<ConversationTurn> turns, bool agentOnline, int variantSeed);
}
