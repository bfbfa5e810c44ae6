namespace Orleans.Sentiment.Hub.Tests.Fakes;

/// <summary>One request a fake server received, with the headers the tests assert on.</summary>
internal sealed record RecordedRequest(string Server, string Method, string Path, string? Authorization, string? Range);
