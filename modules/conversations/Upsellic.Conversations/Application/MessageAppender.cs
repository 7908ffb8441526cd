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
    public async Task<MessageAppendResult> AppendAsync(Conversation conversation, NewMessage newMessage, CancellationToken cancellationToken)
    {
        if (newMessage.ClientMessageId is not null && await FindByClientIdAsync(conversation.Id, newMessage.ClientMessageId, cancellationToken) is { } existing)
        {
            return new MessageAppendResult(existing, Duplicate: true);
        }

        if (newMessage.ReplyToSequence is not null && await FindReplyAsync(conversation.Id, newMessage.ReplyToSequence.Value, cancellationToken) is { } reply)
        {
            return new MessageAppendResult(reply, Duplicate: true);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var sequences = await db.Database.SqlQuery<long>(
                    $"""UPDATE conversations."Conversations" SET "LastSequence" = "LastSequence" + 1 WHERE "Id" = {conversation.Id} RETURNING "LastSequence" AS "Value" """)
                .ToListAsync(cancellationToken);
            var message = Message.Create(conversation.Id, sequences.Single(), newMessage.Role, newMessage.Text, newMessage.AuthorName,
                newMessage.ClientMessageId, newMessage.ReplyToSequence, newMessage.AuthorUserId, clock.GetUtcNow());
            db.Messages.Add(message);
            conversation.MessageAdded(message.ToDto());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MessageAppendResult(message, Duplicate: false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A retry of the same message raced the first attempt: the first one won; answer with it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = newMessage.ClientMessageId is not null
                ? await FindByClientIdAsync(conversation.Id, newMessage.ClientMessageId, cancellationToken)
                : await FindReplyAsync(conversation.Id, newMessage.ReplyToSequence!.Value, cancellationToken);
            return new MessageAppendResult(winner ?? throw new InvalidOperationException("Unique violation without a stored message.", e), Duplicate: true);
        }
    }

    private Task<Message?> FindByClientIdAsync(Guid conversationId, string clientMessageId, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.ConversationId == conversationId && m.ClientMessageId == clientMessageId, cancellationToken);

    private Task<Message?> FindReplyAsync(Guid conversationId, long replyTo, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.ConversationId == conversationId && m.ReplyToSequence == replyTo, cancellationToken);
}

public sealed record NewMessage(
    MessageRole Role,
    string Text,
    string? AuthorName = null,
    string? ClientMessageId = null,
    long? ReplyToSequence = null,
    Guid? AuthorUserId = null);

public sealed record MessageAppendResult(Message Message, bool Duplicate);
