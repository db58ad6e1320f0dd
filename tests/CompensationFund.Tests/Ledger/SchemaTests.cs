using CompensationFund.Tests.Support;
using Marten;
using Weasel.Core;

namespace CompensationFund.Tests.Ledger;

/// <summary>The ledger's tables and functions are part of the Marten schema, so a restart or the migration step finds nothing to change.</summary>
public sealed class SchemaTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task SchemaHasNoPendingChangesAfterStart()
    {
        var migration = await fund.Get<IDocumentStore>().Storage.Database.CreateMigrationAsync();

        var writer = new StringWriter();
        migration.WriteAllUpdates(writer, new Weasel.Postgresql.PostgresqlMigrator(), JasperFx.AutoCreate.CreateOrUpdate);
        Assert.True(migration.Difference == SchemaPatchDifference.None, writer.ToString());
    }
}
