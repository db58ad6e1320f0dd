namespace Platform.DemoSeeder;

/// <summary>
/// The fund's year: the contribution call (dates in days before the run), the day the punctual cities paid, the city that
/// paid late and is charged the late-payment penalty, and the third-party deposits (one earmarked, one general).
/// </summary>
internal sealed record DemoFund(DemoContributionCall ContributionCall, int OnTimePaidDaysAgo, string LateCityId, IReadOnlyList<DemoDeposit> Deposits);

internal sealed record DemoContributionCall(string Period, decimal Total, string Formula, int CalledDaysAgo, int DueDaysAgo);

/// <summary>A third-party deposit; the bank reference makes it recognisable on a re-run.</summary>
internal sealed record DemoDeposit(string Donor, decimal Amount, string Purpose, string? Conditions, string BankReference, int ReceivedDaysAgo);

/// <summary>The exposure graph, the cities' base data, the red warning, who acknowledges it on time and late, and the mutual aid.</summary>
internal sealed record DemoCommunication(
    IReadOnlyList<DemoEdge> ExposureGraph, IReadOnlyList<DemoSnapshot> Snapshots, DemoWarning Warning, string OnTimeCityId, string LateCityId, DemoAid Aid);

internal sealed record DemoEdge(string FromCityId, string ToCityId, string Kind);

/// <summary>A city's base data, as <c>POST /api/communication/snapshots</c> takes it (as of the seeding day).</summary>
internal sealed record DemoSnapshot(
    string CityId, IReadOnlyList<DemoDistrict> Population, IReadOnlyList<DemoReserve> Reserves, IReadOnlyList<DemoTeam> Teams, IReadOnlyList<DemoEquipment> Equipment);

internal sealed record DemoDistrict(string District, long People);

internal sealed record DemoReserve(string Resource, decimal Quantity, string Unit);

internal sealed record DemoTeam(string Kind, int Size);

internal sealed record DemoEquipment(string Kind, int Count);

/// <summary>The warning the upstream city issues; the headline is how a re-run recognises it.</summary>
internal sealed record DemoWarning(
    string SenderCityId, string Level, string Category, string Event, string Headline, string Description, string Instruction, string AreaDescription);

/// <summary>A request for aid under the incident, the one offer the requester accepts, and the provider's claim for it.</summary>
internal sealed record DemoAid(
    string RequesterCityId, string ProviderCityId, IReadOnlyList<DemoAidLine> Items, decimal EstimatedCost, string Note, DemoClaimFiling Claim);

internal sealed record DemoAidLine(string Kind, string Resource, decimal Quantity, string Unit);

/// <summary>Who leaves its settlement unpaid (every other city's is paid in or out).</summary>
internal sealed record DemoSettlement(string UnpaidCityId, int PaidDaysAgo);

/// <summary>
/// The evaluation of the response: each subject's score from each evaluator (in the order of the clients), from the
/// coordinating body and from the city itself, the same on every criterion; and the good practice published with it.
/// </summary>
internal sealed record DemoEvaluation(
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> Panel, IReadOnlyDictionary<string, decimal> Coordinator, IReadOnlyDictionary<string, decimal> Self,
    DemoGoodPractice GoodPractice);

internal sealed record DemoGoodPractice(string Title, string Summary, string? SubjectId);
