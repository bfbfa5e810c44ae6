using System.CommandLine;
using Orleans.Sentiment.Client.TenantModels;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>models</c>: a tenant's own models in a running cluster: define, list, show, versions, activate, roll back, delete, and their examples.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "A tenant's own models in the cluster: define them, add examples, see versions, choose the serving one, delete them.");
        command.Subcommands.Add(CreateVerb());
        command.Subcommands.Add(ListVerb());
        command.Subcommands.Add(ShowVerb("show", "A model, its versions and their figures."));
        command.Subcommands.Add(ShowVerb("versions", "The model's versions: status, method, held-out and corrections macro-F1, data counts."));
        command.Subcommands.Add(ActivateVerb());
        command.Subcommands.Add(RollbackVerb());
        command.Subcommands.Add(DeleteVerb());
        command.Subcommands.Add(ModelTrainVerb.Create());
        command.Subcommands.Add(ModelExamplesCommand.Create());
        return command;
    }

    private static Command CreateVerb()
    {
        var (name, tenant, url, apiKey) = Common();
        var labels = new Option<string>("--labels") { Description = "The labels in id order, comma-separated (2 to 50).", Required = true };
        var multiLabel = new Option<bool>("--multi-label") { Description = "A text may carry several labels." };
        var baseModel = new Option<string>("--base") { Description = "Base encoder: builtin:minilm (default) or a hub id org/name.", DefaultValueFactory = _ => "builtin:minilm" };
        var command = new Command("create", "Define a tenant model (defining it again the same way changes nothing).") { name, tenant, labels, multiLabel, baseModel, url, apiKey };
        AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var request = new DefineModelRequest([.. parse.GetValue(labels)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], parse.GetValue(multiLabel), parse.GetValue(baseModel));
            var model = await api.DefineAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, request, ct);
            AnsiConsole.MarkupLineInterpolated($"Model {model.QualifiedName} defined: {string.Join(", ", model.Labels)}. Add examples with 'models examples add'.");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListVerb()
    {
        var (_, tenant, url, apiKey) = Common();
        var command = new Command("list", "The tenant's models.") { tenant, url, apiKey };
        AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            ModelView.ShowModels((await api.ListAsync(parse.GetValue(tenant)!, ct)).Models);
            return 0;
        }, ct));
        return command;
    }

    private static Command ShowVerb(string verb, string description)
    {
        var (name, tenant, url, apiKey) = Common();
        var command = new Command(verb, description) { name, tenant, url, apiKey };
        AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            ModelView.ShowVersions(await api.GetAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command ActivateVerb()
    {
        var (name, tenant, url, apiKey) = Common();
        var version = new Argument<string>("version") { Description = "The version to serve." };
        var force = new Option<bool>("--force") { Description = "Activate even when its held-out macro-F1 is below the serving version's by more than Training:MaxRegression." };
        var command = new Command("activate", "Serve a version of the model on every silo (through the evaluation gate unless --force).") { name, version, tenant, force, url, apiKey };
        AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => ChangeServingAsync(parse, url, apiKey, tenant, name, new ActivateRequest(parse.GetValue(version), parse.GetValue(force), false), ct));
        return command;
    }

    private static Command RollbackVerb()
    {
        var (name, tenant, url, apiKey) = Common();
        var version = new Argument<string?>("version") { Description = "The kept version to serve again; default: the one that served before the active one.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("rollback", "Serve an earlier version again (past the evaluation gate).") { name, version, tenant, url, apiKey };
        AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => ChangeServingAsync(parse, url, apiKey, tenant, name, new ActivateRequest(parse.GetValue(version), null, true), ct));
        return command;
    }

    private static Command DeleteVerb()
    {
        var (name, tenant, url, apiKey) = Common();
        var command = new Command("delete", "Delete a model with its versions and examples, freeing a quota slot (refused while a version trains: cancel its job first).") { name, tenant, url, apiKey };
        AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            await api.DeleteAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, ct);
            AnsiConsole.MarkupLineInterpolated($"Model {parse.GetValue(tenant)}:{parse.GetValue(name)} deleted, with its versions and examples.");
            return 0;
        }, ct));
        return command;
    }

    private static Task<int> ChangeServingAsync(
        ParseResult parse, Option<Uri> url, Option<string?> apiKey, Option<string> tenant, Argument<string> name, ActivateRequest request, CancellationToken ct) =>
        SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var model = await api.ActivateAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, request, ct);
            AnsiConsole.MarkupLineInterpolated($"{model.QualifiedName} now serves {model.ActiveVersion ?? "no version"}.");
            return 0;
        }, ct);

    /// <summary>The model name argument and the options every verb of a tenant's model takes.</summary>
    internal static (Argument<string> Name, Option<string> Tenant, Option<Uri> Url, Option<string?> ApiKey) Common() =>
        (new Argument<string>("name") { Description = "The model's name (1 to 64 letters, digits, '.', '_' or '-')." },
         new Option<string>("--tenant") { Description = "The tenant that owns the model.", Required = true },
         SiloUrlOption.Create(),
         ApiKeyOption.Create());

    internal static void AddTenantCheck(Command command, Option<string> tenant) => command.Validators.Add(result =>
    {
        if (!TenantName.IsValid(result.GetValue(tenant)))
        {
            result.AddError("--tenant: use 1 to 64 letters, digits, '.', '_' or '-'.");
        }
    });
}
