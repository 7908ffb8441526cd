namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>The last shopper turn (what is decided) and the turns before it (the context it is read in).</summary>
public sealed record ConversationView(string LastShopperText, IReadOnlyList<ConversationTurn> Earlier)
{
    public static ConversationView Of(IReadOnlyList<ConversationTurn> turns)
    {
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            if (turns[i].Role == TurnRole.Shopper)
            {
                return new ConversationView(turns[i].Text, turns.Take(i).ToArray());
            }
        }

        throw new ArgumentException("A conversation to decide on needs at least one shopper turn.", nameof(turns));
    }

    public IEnumerable<string> EarlierShopperTexts =>
        Earlier.Where(t => t.Role == TurnRole.Shopper).Select(t => t.Text);

    public IEnumerable<string> EarlierAssistantTexts =>
        Earlier.Where(t => t.Role != TurnRole.Shopper).Select(t => t.Text);
}
