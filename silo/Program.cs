using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Sentiment.Hosting;
using Orleans.Sentiment.Hosting.Health;
using Orleans.Sentiment.Silo.Auth;
using Orleans.Sentiment.Silo.Dashboard;
using Orleans.Sentiment.Silo.Http;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Routes;
#if SENTIMENT_TRAINER
using Orleans.Sentiment.Trainer;
#endif

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddApiDocument();
builder.AddSentimentHost();
#if SENTIMENT_TRAINER
// This build carries the trainer (libtorch): silos whose role includes training run jobs (silo/Orleans.Sentiment.Silo.csproj).
builder.Services.AddSentimentTrainer();
#endif
builder.AddSentimentApi().AddApiSecurity();
builder.AddDashboards();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiSecurity();
app.MapHttpApi();
app.MapApiDocument();
app.MapDashboards();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(SentimentHostBuilderExtensions.ReadyTag), ResponseWriter = HealthResponse.WriteAsync });
app.Run();
