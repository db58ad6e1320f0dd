using System.Data.Common;
using Marten;
using Weasel.Core;
using Weasel.Storage;

namespace Platform.Persistence;

/// <summary>
/// Queues into a unit of work a statement that returns rows — a function called with <c>select</c> — so that it
/// commits with the session's other changes.
/// </summary>
/// <remarks>
/// Implementation note: Marten's <c>QueueSqlCommand</c> is for statements that return nothing. Marten reads the batch's
/// result sets in order and does not step past one for a queued command, so a <c>select</c> queued that way leaves
/// its row where the next operation expects its own answer. The next operation is then checked against the wrong
/// row: a stale optimistic-concurrency write of a document after <c>select fund_apply_movements(...)</c> was
/// neither applied nor refused, and the rest of the transaction committed (found by the fund's bank test: a
/// released hold-back posted in the ledger while the proposal kept the state a concurrent disbursement wrote).
/// This operation tells Marten it returns a result set, which Marten then skips.
/// </remarks>
public static class QueuedSelect
{
    /// <param name="sql">The statement, with <c>?</c> for each parameter.</param>
    /// <param name="values">The parameters' values, in order; <see cref="DBNull.Value"/> for null.</param>
    public static void QueueSelect(this IDocumentSession session, string sql, params object[] values) =>
        session.QueueOperation(new SelectOperation(sql, values));

    private sealed class SelectOperation(string sql, object[] values) : Weasel.Storage.IStorageOperation
    {
        public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

        public OperationRole Role() => OperationRole.Other;

        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            // Each '?' becomes a parameter typed from its value (an array of uuids as uuid[], say), as QueueSqlCommand does.
            var parts = sql.Split('?');
            if (parts.Length - 1 != values.Length)
            {
                throw new InvalidOperationException($"The statement has {parts.Length - 1} parameters and {values.Length} values were given.");
            }

            builder.Append(parts[0]);
            for (var i = 0; i < values.Length; i++)
            {
                builder.AppendParameter(values[i]);
                builder.Append(parts[i + 1]);
            }
        }

        /// <summary>The rows are not needed: what matters is that Marten moves past them.</summary>
        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;
    }
}
