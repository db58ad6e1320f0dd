using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using CsCheck;
using Npgsql;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// The database enforces limits with <c>fund_within_limits</c>; the domain explains them with <see cref="AccountLimit"/>.
/// Over thousands of random balances and limits the two must give the same answer.
/// </summary>
public sealed class LimitAgreementTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task DatabaseAndDomainAgreeOnEveryLimit()
    {
        var counter = Gen.Long[0, 50];
        var bound = Gen.Frequency((1, Gen.Const((long?)null)), (3, Gen.Long[-60, 60].Select(v => (long?)v)));
        var cases = Gen.Select(Gen.Bool, counter, counter, counter, counter, bound, bound)
            .Select(t => (Side: t.Item1 ? NormalSide.Debit : NormalSide.Credit, Balance: new AccountBalance(t.Item2, t.Item3, t.Item4, t.Item5), Limit: new AccountLimit(t.Item6, t.Item7)))
            .Array[3_000].Single();

        var schema = fund.Get<LedgerSchema>();
        await using var command = fund.Get<NpgsqlDataSource>().CreateCommand(
            $"select {schema.Schema}.fund_within_limits(s, dp, cp, dq, cq, f, c) from unnest($1::smallint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[]) with ordinality as t(s, dp, cp, dq, cq, f, c, n) order by n");
        command.Parameters.AddWithValue(cases.Select(c => c.Side == NormalSide.Debit ? (short)1 : (short)-1).ToArray());
        command.Parameters.AddWithValue(cases.Select(c => c.Balance.DebitsPosted).ToArray());
        command.Parameters.AddWithValue(cases.Select(c => c.Balance.CreditsPosted).ToArray());
        command.Parameters.AddWithValue(cases.Select(c => c.Balance.DebitsPending).ToArray());
        command.Parameters.AddWithValue(cases.Select(c => c.Balance.CreditsPending).ToArray());
        command.Parameters.AddWithValue(cases.Select(c => c.Limit.Floor).ToArray());
        command.Parameters.AddWithValue(cases.Select(c => c.Limit.Ceiling).ToArray());
        var answers = new List<bool>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                answers.Add(reader.GetBoolean(0));
            }
        }

        Assert.Equal(cases.Length, answers.Count);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.True(cases[i].Limit.Admits(cases[i].Balance, cases[i].Side) == answers[i], $"case {i}: {cases[i]} — database says {answers[i]}");
        }
    }
}
