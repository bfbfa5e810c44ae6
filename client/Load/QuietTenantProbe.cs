using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// The noisy-neighbour measure: while the load runs, a second tenant posts one comment at a time and waits for it to
/// appear in its source's window; the time from the 202 to that is the quiet tenant's wait. Refusals (429/503) are
/// counted apart: a quiet tenant should never get one.
/// </summary>
internal sealed class QuietTenantProbe(HttpClient http, PatientHttp control, string tenant, TimeSpan interval)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(2);
    private readonly List<double> _waits = [];
    private readonly Dictionary<string, int> _refused = new(StringComparer.Ordinal);

    private const string Source = "probe";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        using var response = await control.PutJsonAsync(ApiRoutes.Path(ApiRoutes.AlertPolicy, tenant, Source), IngestLoad.LargeWindow, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting the policy of {tenant}/{Source} failed: HTTP {(int)response.StatusCode}.");
        }

        if (await CountAsync(cancellationToken) != 0)
        {
            throw new InvalidOperationException($"Source {tenant}/{Source} already holds comments: use a fresh --tenant.");
        }
    }

    /// <summary>Probes until <paramref name="stop"/> fires; each probe waits for its comment (up to two minutes).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var counted = 0L;
        for (var probe = 0; !stop.IsCancellationRequested; probe++)
        {
            var next = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(ApiRoutes.Path(ApiRoutes.Comments, tenant, Source), new[] { new IncomingComment($"q{probe}", "The checkout page is broken again.", null) }, HttpApiJson.Options, CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                _refused[status] = _refused.GetValueOrDefault(status) + 1;
            }
            else
            {
                var accepted = Stopwatch.GetTimestamp();
                counted++;
                while (await CountAsync(CancellationToken.None) < counted && Stopwatch.GetElapsedTime(accepted) < GiveUp)
                {
                    await Task.Delay(Poll, CancellationToken.None);
                }

                _waits.Add(Stopwatch.GetElapsedTime(accepted).TotalMilliseconds);
            }

            var rest = interval - Stopwatch.GetElapsedTime(next);
            if (rest > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(rest, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    public QuietTenantResult Result()
    {
        var sorted = _waits.Order().ToArray();
        return new QuietTenantResult(tenant, sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], _refused);
    }

    private async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var window = await control.GetJsonAsync<WindowDto>(ApiRoutes.Path(ApiRoutes.Window, tenant, Source), cancellationToken);
        return window?.Count ?? 0;
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
