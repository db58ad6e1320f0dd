using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Domain.Ledger;

/// <summary>An entry as asked for, before it is posted or reserved: the rules every entry must pass.</summary>
public sealed record EntryDraft(EntryHeader Header, DateOnly ValueDate, IReadOnlyList<JournalLine> Lines)
{
    public const int MaxLines = 1_000;
    public const int MaxDescriptionLength = 500;

    /// <summary>
    /// What is wrong with the entry, empty when it may be posted: at least two lines on at least two accounts, each
    /// amount positive and at most <see cref="Fen.MaxAmount"/>, debits equal to credits exactly, an ISO 4217
    /// currency code, a value date not after <paramref name="today"/>.
    /// </summary>
    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var problems = new List<string>();
        if (Lines.Count < 2 || Lines.Count > MaxLines)
        {
            problems.Add($"An entry has between 2 and {MaxLines} lines; this one has {Lines.Count}.");
        }

        if (Lines.Select(l => l.Account).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            problems.Add("An entry moves money between at least two accounts.");
        }

        if (Lines.Any(l => l.Amount <= 0 || l.Amount > Fen.MaxAmount))
        {
            problems.Add("Every line's amount is positive and at most 10,000,000,000,000.00.");
        }
        else
        {
            var debits = Lines.Where(l => l.Side == LineSide.Debit).Sum(l => l.Amount);
            var credits = Lines.Where(l => l.Side == LineSide.Credit).Sum(l => l.Amount);
            if (debits != credits)
            {
                problems.Add($"Debits ({Fen.ToYuan(debits)}) must equal credits ({Fen.ToYuan(credits)}) exactly.");
            }
        }

        if (Header.Currency.Length != 3 || !Header.Currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add($"'{Header.Currency}' is not an ISO 4217 currency code.");
        }

        if (ValueDate > today)
        {
            problems.Add($"The value date {ValueDate:yyyy-MM-dd} is in the future.");
        }

        if (Header.Description.Length > MaxDescriptionLength)
        {
            problems.Add($"The description is longer than {MaxDescriptionLength} characters.");
        }

        return problems;
    }

    public EntryDraft EnsureValid(DateOnly today)
    {
        var problems = Problems(today);
        return problems.Count == 0 ? this : throw new FundRuleException("The entry is not valid", string.Join(" ", problems));
    }

    public EntryPosted Post(Guid entryId, DateTimeOffset recordedAt) => new(entryId, ValueDate, recordedAt, Header, Lines);

    public EntryReserved Reserve(Guid entryId, DateTimeOffset recordedAt, DateTimeOffset expiresAt) =>
        expiresAt > recordedAt
            ? new(entryId, ValueDate, recordedAt, Header, Lines, expiresAt)
            : throw new FundRuleException("The reservation is not valid", "A reservation must expire after it is made.");
}
