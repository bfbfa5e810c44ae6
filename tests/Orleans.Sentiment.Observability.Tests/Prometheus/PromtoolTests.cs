namespace Orleans.Sentiment.Observability.Tests.Prometheus;

/// <summary>The project's Prometheus files pass Prometheus' own checker and the rules' unit tests.</summary>
public sealed class PromtoolTests
{
    [PrometheusFact]
    public async Task CheckConfig_ProjectPrometheusYml_Passes()
    {
        var result = await ToolProcess.RunAsync(PrometheusBinaries.Promtool!, PrometheusBinaries.DeployFolder, "check", "config", "prometheus.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS: 1 rule files found", result.Output);
    }

    [PrometheusFact]
    public async Task CheckRules_ProjectRulesYml_Passes()
    {
        var result = await ToolProcess.RunAsync(PrometheusBinaries.Promtool!, PrometheusBinaries.DeployFolder, "check", "rules", "rules.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"SUCCESS: \d+ rules found", result.Output);
    }

    [PrometheusFact]
    public async Task TestRules_SyntheticSeries_EveryAlertFiresAsSpecified()
    {
        var result = await ToolProcess.RunAsync(PrometheusBinaries.Promtool!, PrometheusBinaries.DeployFolder, "test", "rules", "rules.test.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.Output);
    }
}
