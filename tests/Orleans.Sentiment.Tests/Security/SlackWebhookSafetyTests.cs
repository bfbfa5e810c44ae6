using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tests.Security;

/// <summary>The webhook client as the silo registers it: allow-list at send time, no redirects, no private addresses.</summary>
public sealed class SlackWebhookSafetyTests
{
    private static readonly AlertNotification Alert = new("acme", "app", AlertKind.Spike, 30, 100, 100, 0.1, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task PostAsync_LoopbackReceiverNotAllowed_SendsNothing()
    {
        await using var receiver = new WebhookReceiver();
        using var services = Services(new() { ["Slack:AllowedHosts:0"] = "127.0.0.1" });

        var attempt = await services.GetRequiredService<SlackWebhookClient>().PostAsync(Alert, receiver.Url, CancellationToken.None);

        Assert.Equal(DeliveryResult.Permanent, attempt.Result);
        Assert.Equal(0, receiver.Requests);
    }

    [Fact]
    public async Task PostAsync_HostNotOnTheAllowList_SendsNothingAndIsNotWorthRetrying()
    {
        await using var receiver = new WebhookReceiver();
        using var services = Services(new() { ["Slack:AllowPrivateNetworks"] = "true" });

        var attempt = await services.GetRequiredService<SlackWebhookClient>().PostAsync(Alert, receiver.Url, CancellationToken.None);

        Assert.Equal(DeliveryResult.Permanent, attempt.Result);
        Assert.Equal(0, receiver.Requests);
    }

    [Fact]
    public async Task PostAsync_ExplicitlyAllowedLoopbackReceiver_Delivers()
    {
        await using var receiver = new WebhookReceiver();
        using var services = Services(new() { ["Slack:AllowedHosts"] = "127.0.0.1", ["Slack:AllowPrivateNetworks"] = "true" });

        var attempt = await services.GetRequiredService<SlackWebhookClient>().PostAsync(Alert, receiver.Url, CancellationToken.None);

        Assert.Equal(DeliveryResult.Sent, attempt.Result);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task PostAsync_RedirectAnswer_IsNotFollowed()
    {
        await using var target = new WebhookReceiver();
        await using var redirector = new RedirectingServer(target.Url);
        using var services = Services(new() { ["Slack:AllowedHosts"] = "127.0.0.1", ["Slack:AllowPrivateNetworks"] = "true" });

        var attempt = await services.GetRequiredService<SlackWebhookClient>().PostAsync(Alert, redirector.Url, CancellationToken.None);

        Assert.NotEqual(DeliveryResult.Sent, attempt.Result);
        Assert.Equal(1, redirector.Requests);
        Assert.Equal(0, target.Requests);
    }

    [Fact]
    public void Options_DefaultWebhookUrlNotAllowed_FailsValidationNamingTheSetting()
    {
        using var services = Services(new() { ["Slack:DefaultWebhookUrl"] = "http://169.254.169.254/hook" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains("Slack:DefaultWebhookUrl", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSentimentPipeline().BuildServiceProvider();
    }

    /// <summary>Answers every request with a 307 to another URL.</summary>
    private sealed class RedirectingServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private int _requests;

        public RedirectingServer(string location)
        {
            var port = FreePort.Next();
            Url = $"http://127.0.0.1:{port}/hook";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        Interlocked.Increment(ref _requests);
                        context.Response.StatusCode = 307;
                        context.Response.RedirectLocation = location;
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
