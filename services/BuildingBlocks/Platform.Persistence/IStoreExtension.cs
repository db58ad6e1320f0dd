using Marten;

namespace Platform.Persistence;

/// <summary>
/// What another building block adds to a service's store: tables of its own beside the documents (messaging's outbox
/// and inbox, the idempotency keys), so that they commit in one transaction with the state change, and Marten options
/// such as a commit listener. Register implementations as <c>IStoreExtension</c> singletons; the store calls them, so
/// the store knows nothing of the blocks that extend it (docs/architecture.md §4).
/// </summary>
public interface IStoreExtension
{
    /// <summary>
    /// Statements that create this block's tables in the service's schema. They run on every start and in the
    /// <c>--migrate</c> step, before Marten's own changes, so they must be repeatable (<c>create ... if not exists</c>).
    /// </summary>
    string CreateSql => string.Empty;

    /// <summary>Adds to Marten's options when the store is built (after the service's own configuration).</summary>
    void Configure(StoreOptions options)
    {
    }
}
