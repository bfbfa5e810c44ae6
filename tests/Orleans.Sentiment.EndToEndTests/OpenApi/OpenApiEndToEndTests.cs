using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests.OpenApi;

/// <summary>
/// The OpenAPI document against the silo that serves it (keys required, so the auth rules are real): every operation
/// it lists answers a valid request, a request without a key and invalid ones with a status it lists, in the media
/// type and schema it lists; and it lists exactly the routes of the README's table.
/// </summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class OpenApiEndToEndTests(SecuredSiloFixture fixture)
{
    // README rows that are no API route: the dashboard's pages, and the document itself.
    private static readonly string[] NotInTheDocument = ["GET /dashboard", "GET /openapi/v1.json"];

    [Fact]
    public async Task Document_WithoutAKey_IsServedAsOpenApi31Json()
    {
        using var response = await fixture.Anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("3.1.", (string?)document["openapi"]);
        Assert.Equal("http", (string?)document["components"]?["securitySchemes"]?["bearer"]?["type"]);
    }

    [Fact]
    public async Task Document_Operations_AreTheRoutesOfTheReadmeTable()
    {
        var document = await ApiDocumentModel.LoadAsync(fixture.Anonymous);
        var readme = ReadmeRoutes.Read().Except(NotInTheDocument).ToHashSet();
        var documented = document.Operations.Select(o => o.Key).ToHashSet();

        Assert.True(readme.Count > 10, $"The README's HTTP API table was not found or is nearly empty: {string.Join(", ", readme)}");
        Assert.Empty(readme.Except(documented));
        Assert.Empty(documented.Except(readme));
    }

    [Fact]
    public async Task Document_EveryOperation_DescribesASuccessAndIsNotMarkedUndescribed()
    {
        var document = await ApiDocumentModel.LoadAsync(fixture.Anonymous);

        Assert.All(document.Operations, operation =>
        {
            Assert.False(((string?)operation.Node["summary"] ?? "").StartsWith("Not described", StringComparison.Ordinal), $"{operation.Key} is mapped but not described.");
            Assert.Contains(operation.Statuses, status => status is >= 200 and < 300);
        });
    }

    [Fact]
    public async Task Document_Operations_EachHaveAValidRequestInTheTest()
    {
        var documented = (await ApiDocumentModel.LoadAsync(fixture.Anonymous)).Operations.Select(o => o.Key).ToHashSet();

        Assert.Empty(documented.Except(ApiCalls.Known));
        Assert.Empty(ApiCalls.Known.Except(documented));
    }

    [Fact]
    public async Task EveryOperation_ValidRequest_SucceedsAsDocumented()
    {
        const string tenant = "openapi-valid";
        var document = await ApiDocumentModel.LoadAsync(fixture.Anonymous);
        await SeedAsync(tenant);

        var problems = new List<string>();
        foreach (var operation in document.Operations)
        {
            using var request = await ApiCalls.ValidAsync(operation, fixture.Admin, tenant);
            using var response = await fixture.Admin.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"{operation.Key} answered {(int)response.StatusCode} to a valid request: {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            problems.AddRange(await AnswerCheck.ProblemsAsync(operation, response, document));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryOperation_NoKey_Answers401ExactlyWhereTheDocumentRequiresOne()
    {
        var document = await ApiDocumentModel.LoadAsync(fixture.Anonymous);

        var problems = new List<string>();
        foreach (var operation in document.Operations)
        {
            using var request = await ApiCalls.ValidAsync(operation, fixture.Admin, "openapi-nokey");
            using var response = await fixture.Anonymous.SendAsync(request);
            var status = (int)response.StatusCode;
            if (operation.RequiresKey && (status != 401 || response.Headers.WwwAuthenticate.ToString() != "Bearer"))
            {
                problems.Add($"{operation.Key} requires a key but answered {status} without one");
            }
            else if (!operation.TakesKey && !response.IsSuccessStatusCode)
            {
                problems.Add($"{operation.Key} is documented as open but answered {status} without a key");
            }

            problems.AddRange(await AnswerCheck.ProblemsAsync(operation, response, document));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryTenantOperation_InvalidTenant_Answers400NamingItAsDocumented()
    {
        var document = await ApiDocumentModel.LoadAsync(fixture.Anonymous);
        var operations = document.Operations.Where(o => o.Path.Contains("{tenant}", StringComparison.Ordinal)).ToList();

        var problems = new List<string>();
        foreach (var operation in operations)
        {
            using var request = await ApiCalls.Send(new HttpMethod(operation.Method), ApiCalls.Path(operation.Path, "bad!"), operation.HasBody ? "{}" : null);
            using var response = await fixture.Admin.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("\"tenant\"", StringComparison.Ordinal))
            {
                problems.Add($"{operation.Key} answered {(int)response.StatusCode} to an invalid tenant: {body}");
            }

            problems.AddRange(await AnswerCheck.ProblemsAsync(operation, response, document));
        }

        Assert.NotEmpty(operations);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryBodyOperation_MalformedJsonOrAnotherMediaType_Answers400Or415AsDocumented()
    {
        var document = await ApiDocumentModel.LoadAsync(fixture.Anonymous);
        var operations = document.Operations.Where(o => o.HasBody).ToList();

        var problems = new List<string>();
        foreach (var operation in operations)
        {
            var path = ApiCalls.Path(operation.Path, "openapi-body");
            foreach (var (body, mediaType, expected) in new[] { ("{", "application/json", 400), ("hello", "text/plain", 415) })
            {
                using var request = await ApiCalls.Send(new HttpMethod(operation.Method), path, body, mediaType);
                using var response = await fixture.Admin.SendAsync(request);
                if ((int)response.StatusCode != expected)
                {
                    problems.Add($"{operation.Key} answered {(int)response.StatusCode} to a {mediaType} body '{body}', not {expected}");
                }

                problems.AddRange(await AnswerCheck.ProblemsAsync(operation, response, document));
            }
        }

        Assert.Equal(9, operations.Count);
        Assert.Empty(problems);
    }

    // A comment in the window first, so the list routes answer with items for the schemas to check.
    private async Task SeedAsync(string tenant)
    {
        using var ingest = await fixture.Admin.PostAsJsonAsync(ApiCalls.Path("/v1/tenants/{tenant}/sources/{source}/comments", tenant), new[] { new { id = "seed", text = "Where is my refund" } });
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        await Eventually.WaitForAsync(
            () => fixture.Admin.GetFromJsonAsync<JsonObject>(ApiCalls.Path("/v1/tenants/{tenant}/sources/{source}/window", tenant))!,
            window => (int?)window!["count"] >= 1,
            "the seeded comment in the window");
    }
}
