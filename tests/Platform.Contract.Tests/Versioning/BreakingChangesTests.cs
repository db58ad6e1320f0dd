using System.Text.Json.Nodes;

namespace Platform.Contract.Tests.Versioning;

/// <summary>The comparer behind the versioning promise (docs/api-versioning.md), on small documents made for each case.</summary>
public sealed class BreakingChangesTests
{
    private const string Previous = """
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/fund/entries": {
              "post": {
                "operationId": "fund.postEntry",
                "parameters": [ { "name": "Idempotency-Key", "in": "header", "required": false, "schema": { "type": "string" } } ],
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EntryRequest" } } } },
                "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EntryResponse" } } } } }
              }
            },
            "/api/fund/accounts": {
              "get": { "operationId": "fund.listAccounts", "deprecated": true, "responses": { "200": { "description": "ok" } } }
            }
          },
          "components": {
            "schemas": {
              "EntryRequest": {
                "type": "object",
                "required": [ "amount" ],
                "properties": {
                  "amount": { "type": [ "number", "string" ] },
                  "currency": { "enum": [ "CNY", "HKD" ] },
                  "memo": { "type": "string" }
                }
              },
              "EntryResponse": {
                "type": "object",
                "required": [ "entryId", "amount" ],
                "properties": {
                  "entryId": { "type": "string", "format": "uuid" },
                  "amount": { "type": [ "number", "string" ] },
                  "cityId": { "type": "string" },
                  "legacyCode": { "type": "string", "deprecated": true }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void The_same_document_has_no_breaking_change()
    {
        Assert.Empty(BreakingChanges.Between(Parse(Previous), Parse(Previous)));
    }

    [Fact]
    public void A_removed_response_field_breaks()
    {
        var current = Parse(Previous);
        current["components"]!["schemas"]!["EntryResponse"]!["properties"]!.AsObject().Remove("cityId");

        var change = Assert.Single(BreakingChanges.Between(Parse(Previous), current));

        Assert.Equal("fund.postEntry response 201.cityId: field removed", change.Key);
        Assert.False(change.Announced);
    }

    [Fact]
    public void A_new_required_request_field_breaks()
    {
        var current = Parse(Previous);
        current["components"]!["schemas"]!["EntryRequest"]!["required"]!.AsArray().Add("memo");

        var change = Assert.Single(BreakingChanges.Between(Parse(Previous), current));

        Assert.Equal("fund.postEntry request body.memo: new required field", change.Key);
    }

    [Fact]
    public void A_header_that_becomes_required_breaks()
    {
        var current = Parse(Previous);
        current["paths"]!["/api/fund/entries"]!["post"]!["parameters"]![0]!["required"] = true;

        Assert.Equal("fund.postEntry parameter header:Idempotency-Key: became required", Assert.Single(BreakingChanges.Between(Parse(Previous), current)).Key);
    }

    [Fact]
    public void A_narrowed_request_type_or_enum_breaks()
    {
        var current = Parse(Previous);
        var request = current["components"]!["schemas"]!["EntryRequest"]!["properties"]!;
        request["amount"] = new JsonObject { ["type"] = "number" };
        request["currency"] = new JsonObject { ["enum"] = new JsonArray("CNY") };

        var keys = BreakingChanges.Between(Parse(Previous), current).Select(c => c.Key).ToList();

        Assert.Contains("fund.postEntry request body.amount: type narrowed from number|string to number", keys);
        Assert.Contains("fund.postEntry request body.currency: enum no longer accepts HKD", keys);
        Assert.Equal(2, keys.Count);
    }

    [Fact]
    public void A_removed_operation_breaks_unless_it_was_deprecated_first()
    {
        var current = Parse(Previous);
        current["paths"]!.AsObject().Remove("/api/fund/accounts");
        current["paths"]!.AsObject().Remove("/api/fund/entries");

        var changes = BreakingChanges.Between(Parse(Previous), current);

        Assert.False(changes.Single(c => c.Operation == "fund.postEntry").Announced);
        Assert.True(changes.Single(c => c.Operation == "fund.listAccounts").Announced);
    }

    [Fact]
    public void A_removed_field_that_was_deprecated_first_is_announced()
    {
        var current = Parse(Previous);
        current["components"]!["schemas"]!["EntryResponse"]!["properties"]!.AsObject().Remove("legacyCode");

        Assert.True(Assert.Single(BreakingChanges.Between(Parse(Previous), current)).Announced);
    }

    [Fact]
    public void Additions_a_client_can_ignore_do_not_break()
    {
        var current = Parse(Previous);
        current["components"]!["schemas"]!["EntryRequest"]!["properties"]!["reference"] = new JsonObject { ["type"] = "string" };
        current["components"]!["schemas"]!["EntryResponse"]!["properties"]!["postedAt"] = new JsonObject { ["type"] = "string" };
        current["paths"]!["/api/fund/periods"] = new JsonObject { ["get"] = new JsonObject { ["operationId"] = "fund.listPeriods" } };

        Assert.Empty(BreakingChanges.Between(Parse(Previous), current));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
