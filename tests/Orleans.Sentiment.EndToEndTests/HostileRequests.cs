using System.Text;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// Generates malformed, oversized and hostile requests from a seed: bad JSON, wrong types, deep nesting, huge
/// numbers, invalid UTF-8, bad media types, oversized bodies, path tricks, bad keys and SSRF webhook URLs. Every one
/// must be refused with a 4xx; none is a valid request, so no window may change.
/// </summary>
internal static class HostileRequests
{
    public sealed record Case(string Kind, string Method, string Path, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
    {
        public override string ToString() =>
            $"{Kind}: {Method} {Path} [{ContentType}] {(Body is null ? "" : Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 120))))}";
    }

    private static readonly string[] BadTenants =
    [
        "acme%0A", "acme%0D%0A", "...", ".hidden", "..%2F..%2Fetc", "%00", "a%2Fb", "acme%20corp", "%C3%A9t%C3%A9",
        new('t', 65), "acme!", "%2E%2E", "acme%09",
    ];

    private static readonly string[] SsrfUrls =
    [
        "http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://0x7f000001/", "http://2130706433/",
        "http://0177.0.0.1/", "http://localhost:5080/", "http://127.0.0.1:1/", "http://[::1]/", "http://10.0.0.1/", "http://192.168.1.1/",
        "http://100.64.0.1/", "http://[fd00::1]/", "file:///etc/passwd", "gopher://hooks.slack.com/", "https://evil.example/hook",
        "https://user:pw@hooks.slack.com/x", "http://0.0.0.0/", "https://hooks.slack.com.evil.example/",
    ];

    public static IEnumerable<Case> Generate(int seed, int count, string tenant, string source, int maxRequestBytes)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 17) switch
            {
                0 => BadJson(random, tenant, source),
                1 => WrongTypes(random, tenant, source),
                2 => DeepNesting(random, tenant, source),
                3 => HugeNumbers(random, tenant, source),
                4 => InvalidUtf8(random, tenant, source),
                5 => BadMediaType(random, tenant, source),
                6 => i % 5 == 0 ? Oversized(random, tenant, source, maxRequestBytes) : BadNdJson(random, tenant, source),
                7 => PathTrick(random, source),
                8 => BadIdempotencyKey(random, tenant, source),
                9 => Ssrf(random, tenant, source),
                10 => BlankOrTooLong(random, tenant, source),
                11 => TooMany(random, tenant, source),
                12 => UnknownFields(random, tenant, source),
                13 => BadQuery(random, tenant, source),
                14 => KeyRoutes(random, tenant),
                15 => RandomBytes(random, tenant, source),
                _ => BadClassify(random),
            };
        }
    }

    private static Case Ingest(string kind, string tenant, string source, string body, string contentType = "application/json", Dictionary<string, string>? headers = null) =>
        new(kind, "POST", $"/v1/tenants/{tenant}/sources/{source}/comments", Encoding.UTF8.GetBytes(body), contentType, headers ?? []);

    private static Case BadJson(Random random, string tenant, string source)
    {
        string[] bodies =
        [
            """[{"text":"unterminated""", """[{"text":"a"},""", """[{"text" "a"}]""", """[{'text':'a'}]""", """[{"text":"a"}]]""",
            """[{"text":"a",}]""", """[{"text":"a"} {"text":"b"}]""", "[", "{", "]", "nul", "[tru]", """[{"text":"a\x"}]""",
            """[{"text":"\ud800"}]""", """[{"text":"a" /* c */}]""", "\"just a string\"", "42", """[{"text":"a"}] junk""",
        ];
        var body = bodies[random.Next(bodies.Length)];
        return random.Next(3) == 0
            ? new("bad json", "PUT", $"/v1/tenants/{tenant}/sources/{source}/alert-policy", Encoding.UTF8.GetBytes(body.Replace("text", "windowSize", StringComparison.Ordinal)), "application/json", new Dictionary<string, string>())
            : Ingest("bad json", tenant, source, body);
    }

    private static Case WrongTypes(Random random, string tenant, string source)
    {
        string[] bodies =
        [
            """[{"text":5}]""", """[{"text":true}]""", """[{"text":["a"]}]""", """[{"text":{"a":"b"}}]""", """[{"text":"a","id":7}]""",
            """[{"text":"a","timestamp":"yesterday"}]""", """[{"text":"a","timestamp":12}]""", """[null]""", """[1,2,3]""", """["text"]""",
            """[[{"text":"a"}]]""", """{"text":"a"}""", """[{"text":"a","id":""}]""", """[{"text":"a","id":" "}]""",
            """[{"id":"1","text":"a"},{"id":"1","text":"b"}]""",
        ];
        if (random.Next(3) == 0)
        {
            string[] policies = ["""{"windowSize":"big"}""", """{"threshold":"high"}""", """{"cooldown":5}""", """{"minCount":-1}""", """{"windowSize":0}""", """{"cooldown":"-PT1M"}""", "[]", "null"];
            return new("wrong types", "PUT", $"/v1/tenants/{tenant}/sources/{source}/alert-policy", Encoding.UTF8.GetBytes(policies[random.Next(policies.Length)]), "application/json", new Dictionary<string, string>());
        }

        return Ingest("wrong types", tenant, source, bodies[random.Next(bodies.Length)]);
    }

    private static Case DeepNesting(Random random, string tenant, string source)
    {
        var depth = random.Next(10, 20_000);
        return random.Next(3) switch
        {
            0 => Ingest("deep nesting", tenant, source, new string('[', depth) + new string(']', depth)),
            1 => Ingest("deep nesting", tenant, source, "[{\"text\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}]"),
            _ => new("deep nesting", "POST", "/v1/classify", Encoding.UTF8.GetBytes("{\"texts\":" + new string('[', depth) + new string(']', depth) + "}"), "application/json", new Dictionary<string, string>()),
        };
    }

    private static Case HugeNumbers(Random random, string tenant, string source)
    {
        string[] policies =
        [
            """{"windowSize":1e400}""", """{"windowSize":99999999999999999999999}""", """{"threshold":-1e400}""", """{"threshold":"NaN"}""",
            """{"threshold":"Infinity"}""", """{"minCount":-99999999999}""", """{"windowSize":1.5}""", """{"windowSize":100000001}""",
            """{"threshold":123456789012345678901234567890}""", """{"cooldown":"P99999999999D"}""",
        ];
        return random.Next(2) == 0
            ? new("huge numbers", "PUT", $"/v1/tenants/{tenant}/sources/{source}/alert-policy", Encoding.UTF8.GetBytes(policies[random.Next(policies.Length)]), "application/json", new Dictionary<string, string>())
            : Ingest("huge numbers", tenant, source, """[{"text":"a","timestamp":1e999999}]""");
    }

    private static Case InvalidUtf8(Random random, string tenant, string source)
    {
        byte[][] bad = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF]];
        var junk = bad[random.Next(bad.Length)];
        return random.Next(4) switch
        {
            0 => new("invalid utf-8", "POST", $"/v1/tenants/{tenant}/sources/{source}/comments", [.. "[{\"text\":\"ok "u8, .. junk, .. "\"}]"u8], "application/json", new Dictionary<string, string>()),
            1 => new("invalid utf-8", "POST", $"/v1/tenants/{tenant}/sources/{source}/comments", [.. "{\"text\":\"ok "u8, .. junk, .. "\"}\n"u8], "application/x-ndjson", new Dictionary<string, string>()),
            2 => new("invalid utf-8", "POST", "/v1/classify", [.. "{\"texts\":[\""u8, .. junk, .. "\"]}"u8], "application/json", new Dictionary<string, string>()),
            _ => new("invalid utf-8", "POST", $"/v1/tenants/{tenant}/corrections", [.. "{\"text\":\""u8, .. junk, .. "\",\"label\":\"x\"}"u8], "application/json", new Dictionary<string, string>()),
        };
    }

    private static Case BadMediaType(Random random, string tenant, string source)
    {
        string?[] types = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "image/png", "json", "application/", null];
        var type = types[random.Next(types.Length)];
        string[] paths = [$"/v1/tenants/{tenant}/sources/{source}/comments", "/v1/classify", $"/v1/tenants/{tenant}/corrections"];
        return new("bad media type", "POST", paths[random.Next(paths.Length)], """[{"text":"a form post"}]"""u8.ToArray(), type, new Dictionary<string, string>());
    }

    private static Case Oversized(Random random, string tenant, string source, int maxRequestBytes)
    {
        var body = new StringBuilder("[");
        while (body.Length <= maxRequestBytes + random.Next(1, 100_000))
        {
            body.Append("{\"text\":\"").Append('x', 500).Append("\"},");
        }

        return Ingest("oversized", tenant, source, body.Append("{\"text\":\"end\"}]").ToString());
    }

    private static Case BadNdJson(Random random, string tenant, string source)
    {
        var lines = Enumerable.Range(0, random.Next(1, 3_000)).Select(i => (i % 3) switch { 0 => "{\"text\": oops}", 1 => "{x", _ => "[1]" });
        return Ingest("bad ndjson", tenant, source, string.Join('\n', lines), "application/x-ndjson");
    }

    private static Case PathTrick(Random random, string source)
    {
        var tenant = BadTenants[random.Next(BadTenants.Length)];
        return random.Next(4) switch
        {
            0 => Ingest("path trick", tenant, source, """[{"text":"hi"}]"""),
            1 => new("path trick", "POST", $"/v1/tenants/{tenant}/corrections", """{"text":"hi","label":"x"}"""u8.ToArray(), "application/json", new Dictionary<string, string>()),
            2 => new("path trick", "GET", $"/v1/tenants/acme/sources/{tenant}/window", null, null, new Dictionary<string, string>()),
            _ => new("path trick", "PUT", $"/v1/tenants/{tenant}/sources/{tenant}/alert-policy", "{}"u8.ToArray(), "application/json", new Dictionary<string, string>()),
        };
    }

    private static Case BadIdempotencyKey(Random random, string tenant, string source)
    {
        // What an HTTP client can send at all: too long, with spaces, empty, with quotes or commas.
        string[] keys = [new('k', 256), "has space", "", " ", "\"quoted\", two"];
        return Ingest("bad idempotency key", tenant, source, """[{"text":"hi"}]""", headers: new Dictionary<string, string> { ["Idempotency-Key"] = keys[random.Next(keys.Length)] });
    }

    private static Case Ssrf(Random random, string tenant, string source) =>
        new("ssrf", "PUT", $"/v1/tenants/{tenant}/sources/{source}/alert-policy",
            Encoding.UTF8.GetBytes($$"""{"webhookUrl":"{{SsrfUrls[random.Next(SsrfUrls.Length)]}}"}"""), "application/json", new Dictionary<string, string>());

    private static Case BlankOrTooLong(Random random, string tenant, string source)
    {
        string[] texts = ["", " ", "\\u0000", "\\u200b", "\\ufeff\\u200d", "\\t\\n\\r", "\\u2028\\u00a0", new('x', 10_001)];
        var text = texts[random.Next(texts.Length)];
        return random.Next(2) == 0
            ? Ingest("blank or too long", tenant, source, $$"""[{"text":"{{text}}"}]""")
            : new("blank or too long", "POST", "/v1/classify", Encoding.UTF8.GetBytes($$"""{"texts":["{{text}}"]}"""), "application/json", new Dictionary<string, string>());
    }

    private static Case TooMany(Random random, string tenant, string source)
    {
        var items = random.Next(1_001, 5_000);
        return random.Next(3) switch
        {
            0 => Ingest("too many", tenant, source, "[" + string.Join(',', Enumerable.Repeat("null", items)) + "]"),
            1 => Ingest("too many", tenant, source, "[" + string.Join(',', Enumerable.Repeat("{\"text\":\"a\"}", items)) + "]"),
            _ => new("too many", "POST", "/v1/classify", Encoding.UTF8.GetBytes("{\"texts\":[" + string.Join(',', Enumerable.Repeat("\"a\"", items)) + "]}"), "application/json", new Dictionary<string, string>()),
        };
    }

    private static Case UnknownFields(Random random, string tenant, string source) => random.Next(3) switch
    {
        0 => Ingest("unknown fields", tenant, source, """[{"text":"a","__proto__":{"admin":true}}]"""),
        1 => new("unknown fields", "PUT", $"/v1/tenants/{tenant}/sources/{source}/alert-policy", """{"windowSize":10,"tenant":"other"}"""u8.ToArray(), "application/json", new Dictionary<string, string>()),
        _ => new("unknown fields", "POST", $"/v1/tenants/{tenant}/corrections", """{"text":"a","label":"b","path":"../../x"}"""u8.ToArray(), "application/json", new Dictionary<string, string>()),
    };

    private static Case BadQuery(Random random, string tenant, string source)
    {
        string[] limits = ["-1", "0", "abc", "99999999999999999999", "1e3", "%00", "201", " 5"];
        return new("bad query", "GET", $"/v1/tenants/{tenant}/sources/{source}/comments?limit={limits[random.Next(limits.Length)]}", null, null, new Dictionary<string, string>());
    }

    private static Case KeyRoutes(Random random, string tenant) => random.Next(3) switch
    {
        0 => new("key routes", "POST", $"/v1/tenants/{tenant}/keys", null, null, new Dictionary<string, string> { ["Authorization"] = "Bearer not-the-admin-key" }),
        1 => new("key routes", "DELETE", $"/v1/tenants/{tenant}/keys/..%2F..%2Fx", null, null, new Dictionary<string, string>()),
        _ => new("key routes", "GET", $"/v1/tenants/{tenant}/keys", null, null, new Dictionary<string, string> { ["Authorization"] = "Basic YWRtaW46YWRtaW4=" }),
    };

    private static Case RandomBytes(Random random, string tenant, string source)
    {
        var bytes = new byte[random.Next(1, 4_000)];
        random.NextBytes(bytes);
        string[] types = ["application/json", "application/x-ndjson"];
        return new("random bytes", "POST", random.Next(2) == 0 ? $"/v1/tenants/{tenant}/sources/{source}/comments" : "/v1/classify", bytes, types[random.Next(types.Length)], new Dictionary<string, string>());
    }

    private static Case BadClassify(Random random)
    {
        string[] bodies = ["""{"texts":[]}""", """{"texts":null}""", """{"texts":[null]}""", """{"texts":[1]}""", """{"text":"a"}""", """{"texts":"a"}""", """["a"]""", """{"texts":["a"],"texts":["b"]}""", """{}"""];
        return new("bad classify", "POST", "/v1/classify", Encoding.UTF8.GetBytes(bodies[random.Next(bodies.Length)]), "application/json", new Dictionary<string, string>());
    }
}
