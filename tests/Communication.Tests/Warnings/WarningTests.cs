using System.Xml.Linq;
using Communication.Api.Domain.Cap;
using Communication.Api.Domain.Warnings;

namespace Communication.Tests.Warnings;

/// <summary>
/// Issuing a warning (docs/domain.md §3.5: warnings reach the cities a risk may reach): whom it reaches, what it keeps of its
/// CAP message, and how updates and cancellations point at what they replace (CAP 1.2 §3.2.1 <c>msgType</c>, <c>references</c>).
/// </summary>
public sealed class WarningTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 5, 0, TimeSpan.Zero);

    private static CapAlert Cap(string identifier = "huangshan-1", string msgType = MsgTypes.Alert, params string[] cityIds) =>
        CapXml.Read(XDocument.Parse(Support.Warnings.CapXml("huangshan@alliance", identifier, msgType: msgType, cityIds: cityIds)));

    private static Warning Issue(CapAlert cap, IReadOnlyCollection<string> graphReach, params Warning[] replaced) =>
        Warning.Issue(Guid.NewGuid(), "huangshan", cap, WarningDraft.From(cap)!, graphReach, 4, replaced, Now);

    [Fact]
    public void ReachesTheNamedCitiesAndThoseTheGraphReachesOnceEachInOrder()
    {
        var warning = Issue(Cap(cityIds: ["jiaxing", "hangzhou"]), ["xuancheng", "hangzhou"]);

        Assert.Equal(["hangzhou", "jiaxing", "xuancheng"], warning.ReachedCityIds);
        Assert.Equal(["hangzhou", "jiaxing"], warning.NamedCityIds);
        Assert.Equal(4, warning.GraphVersion);
    }

    [Fact]
    public void NeverReachesTheSenderItself()
    {
        var warning = Issue(Cap(cityIds: ["huangshan", "hangzhou"]), ["huangshan"]);

        Assert.Equal(["hangzhou"], warning.ReachedCityIds);
    }

    [Fact]
    public void AnUpdateReachesEveryCityTheWarningItReplacesReached()
    {
        var original = Issue(Cap(cityIds: ["jiaxing"]), ["hangzhou"]);

        var update = Issue(Cap("huangshan-2", MsgTypes.Update), ["xuancheng"], original);

        Assert.Equal(["hangzhou", "jiaxing", "xuancheng"], update.ReachedCityIds);
        Assert.Equal([original.Id], update.References);
        Assert.Equal(MsgTypes.Update, update.MsgType);
        Assert.False(update.IsCancellation);
    }

    [Fact]
    public void KeepsWhatTheCapMessageAndTheDraftSay()
    {
        var cap = Cap(cityIds: ["hangzhou"]);
        var draft = WarningDraft.From(cap)!;
        var id = Guid.NewGuid();

        var warning = Warning.Issue(id, "huangshan", cap, draft, [], 1, [], Now);

        Assert.Equal(id, warning.Id);
        Assert.Equal("huangshan-1", warning.Identifier);
        Assert.Equal("huangshan", warning.SenderCityId);
        Assert.Equal(MsgTypes.Alert, warning.MsgType);
        Assert.Equal(draft.Category, warning.Category);
        Assert.Equal(WarningLevel.Red, warning.Level);
        Assert.Equal("Typhoon", warning.Event);
        Assert.Equal("Typhoon landfall expected", warning.Headline);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8)), warning.Sent);
        Assert.Equal(Now, warning.ReceivedAt);
        Assert.Same(cap, warning.Cap);
        Assert.Empty(warning.References);
        Assert.Null(warning.ReplacedBy);
    }

    [Fact]
    public void OnlyACancelIsACancellation()
    {
        Assert.True(Issue(Cap("huangshan-3", MsgTypes.Cancel), []).IsCancellation);
        Assert.False(Issue(Cap(), []).IsCancellation);
    }

    [Fact]
    public void AReplacedWarningRecordsItsSuccessorAndHowItWasReplaced()
    {
        var original = Issue(Cap(), ["hangzhou"]);
        var cancel = Issue(Cap("huangshan-3", MsgTypes.Cancel), [], original);

        original.ReplaceWith(cancel);

        Assert.Equal(cancel.Id, original.ReplacedBy);
        Assert.Equal(MsgTypes.Cancel, original.ReplacedByMsgType);
    }

    [Fact]
    public void ItsCapReferenceIsSenderIdentifierAndSentTime() =>
        Assert.Equal("huangshan@alliance,huangshan-1,2026-07-01T08:00:00+08:00", Issue(Cap(), []).CapReference());

    [Fact]
    public void ParsesTheSpaceSeparatedReferencesOfTheEarthquakeUpdate()
    {
        Assert.Equal(
            [("trinet@caltech.edu", "TRI13970876.1"), ("hsas@dhs.gov", "43b080713727")],
            Warning.ParseReferences("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00  hsas@dhs.gov,43b080713727,2003-04-02T14:39:01-05:00"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoReferencesParseToNone(string? references) => Assert.Empty(Warning.ParseReferences(references));

    [Theory]
    [InlineData("trinet@caltech.edu,TRI13970876.1")]
    [InlineData("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00,extra")]
    public void AMalformedReferenceParsesToNull(string reference) => Assert.Null(Assert.Single(Warning.ParseReferences(reference)));
}
