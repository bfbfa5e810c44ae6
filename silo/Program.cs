using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Sentiment.Silo.Auth;
using Orleans.Sentiment.Silo.Dashboard;
using Orleans.Sentiment.Silo.Endpoints;
using Orleans.Sentiment.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

using var startupLoggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();
builder.AddEmbeddedSilo().AddSentiment(startupLoggers.CreateLogger("Orleans.Sentiment.Startup")).AddApiSecurity();

builder.AddDashboards();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiSecurity();
app.MapIngestion();
app.MapClassify();
app.MapSources();
app.MapCorrections();
app.MapDeadLetters();
app.MapDashboards();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();
