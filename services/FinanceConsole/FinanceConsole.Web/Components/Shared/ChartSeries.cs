namespace FinanceConsole.Web.Components.Shared;

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);
