using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Tests.Security;

public sealed class HttpApiContractTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Path_TemplateWithValues_EscapesEachAndDropsTheLeadingSlash()
    {
        Assert.Equal("v1/tenants/a%20b/sources/x%2Fy/window", ApiRoutes.Path(ApiRoutes.Window, "a b", "x/y"));
        Assert.Equal("v1/classify", ApiRoutes.Path(ApiRoutes.Classify));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Path_WrongNumberOfValues_Throws(int count) =>
        Assert.Throws<ArgumentException>(() => ApiRoutes.Path(ApiRoutes.Window, [.. Enumerable.Repeat("v", count)]));

    [Fact]
    public void Delay_Seconds_AreTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHeader.Delay(response.Headers, Now));
    }

    [Fact]
    public void Delay_FutureDate_IsTheTimeUntilIt()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfterHeader.Delay(response.Headers, Now));
    }

    [Fact]
    public void Delay_PastDate_IsZero()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(-5));

        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Delay(response.Headers, Now));
    }

    [Fact]
    public void Delay_NoHeader_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryAfterHeader.Delay(response.Headers, Now));
    }

    [Fact]
    public void Serialize_CommentWithoutIdOrTimestamp_LeavesThemOut() =>
        Assert.Equal("""[{"text":"hi"}]""", JsonSerializer.Serialize(new[] { new IncomingComment(null, "hi", null) }, HttpApiJson.Options));

    [Fact]
    public void Serialize_WhoAmIWithoutTenant_WritesTenantAsNull() =>
        Assert.Equal("""{"tenant":null,"admin":true,"authMode":"ApiKey"}""", JsonSerializer.Serialize(new WhoAmIResponse(null, true, "ApiKey"), HttpApiJson.Options));

    [Fact]
    public void Deserialize_WindowWithAPropertyItDoesNotKnow_ReadsTheRest()
    {
        var window = JsonSerializer.Deserialize<WindowDto>(
            """{"count":3,"labelCounts":{"negative":1},"negativeCount":1,"negativeRatio":0.5,"alerting":false,"windowSize":100,"modelLabelCounts":{},"future":1}""",
            HttpApiJson.Options);

        Assert.Equal((3, 1, null), (window!.Count, window.LabelCounts["negative"], window.WindowDuration));
    }
}
