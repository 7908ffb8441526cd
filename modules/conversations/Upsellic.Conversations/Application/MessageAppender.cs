using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;

namespace Upsellic.Conversations.Application;

/// <summary>
/// Stores a message with the conversation's next sequence. The sequence comes from an UPDATE ... RETURNING on the
/// conversation row inside the same transaction as the insert, so concurrent writers queue on the row lock and
/// sequences are strictly increasing with no gaps or duplicates. The push happens after the commit (local events).
/// </summary>
public sealed class MessageAppender(ConversationsDbContext db, TimeProvider clock)
{
    /// <param name="HandedOff">Whether the row is handed off, read under the row lock: a handoff that raced this message is seen.</param>
    private sealed record NextSequence(long Sequence, bool HandedOff);

    public async Task<MessageAppendResult> AppendAsync(Conversation conversation, NewMessage newMessage, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The next sequence, unless the message is stored already (a retry with the same client id, or a second
            // answer to the same shopper message): both in one round trip, as every one delays the push.
            var next = await db.Database.SqlQuery<NextSequence>($"""
                UPDATE conversations."Conversations" SET "LastSequence" = "LastSequence" + 1
                WHERE "Id" = {conversation.Id} AND NOT EXISTS (
                    SELECT 1 FROM conversations."Messages" m WHERE m."ConversationId" = {conversation.Id}
                        AND (m."ClientMessageId" = {newMessage.ClientMessageId} OR m."ReplyToSequence" = {newMessage.ReplyToSequence}))
                RETURNING "LastSequence" AS "Sequence", "HandedOffAt" IS NOT NULL AS "HandedOff"
                """).ToListAsync(cancellationToken);
            if (next.Count == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new MessageAppendResult(await FindStoredAsync(conversation.Id, newMessage, cancellationToken)
                    ?? throw new InvalidOperationException($"Conversation {conversation.Id} is gone."), Duplicate: true);
            }

            var message = Message.Create(conversation.Id, next[0].Sequence, newMessage.Role, newMessage.Text, newMessage.AuthorName,
                newMessage.ClientMessageId, newMessage.ReplyToSequence, newMessage.AuthorUserId, clock.GetUtcNow());
            db.Messages.Add(message);
            // Handed off in the row, or by this very unit of work (the AI's handoff reply).
            conversation.MessageAdded(message.ToDto(), handedOff: next[0].HandedOff || conversation.HandedOffAt is not null);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MessageAppendResult(message, Duplicate: false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same message raced in from two requests at once, both past the check above: the first one won; answer with it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new MessageAppendResult(await FindStoredAsync(conversation.Id, newMessage, cancellationToken)
                ?? throw new InvalidOperationException("Unique violation without a stored message.", e), Duplicate: true);
        }
    }

    private Task<Message?> FindStoredAsync(Guid conversationId, NewMessage newMessage, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.ConversationId == conversationId
            && ((newMessage.ClientMessageId != null && m.ClientMessageId == newMessage.ClientMessageId)
                || (newMessage.ReplyToSequence != null && m.ReplyToSequence == newMessage.ReplyToSequence)), cancellationToken);
}

public sealed record NewMessage(
    MessageRole Role,
    string Text,
    string? AuthorName = null,
    string? ClientMessageId = null,
    long? ReplyToSequence = null,
    Guid? AuthorUserId = null);

public sealed record MessageAppendResult(Message Message, bool Duplicate);
