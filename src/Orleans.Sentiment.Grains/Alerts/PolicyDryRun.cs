using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Windows;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Plays classified comments, in time order, through a policy as a source would — the same window, baselines, detectors
/// and cooldowns, on the comments' own timestamps — and records the alerts it would have raised. Nothing is stored and
/// nothing is posted. A source decides after each delivered batch; a dry run decides after each comment, so it shows the
/// earliest moment a live source could have alerted.
/// </summary>
public sealed class PolicyDryRun
{
    private readonly AlertPolicy _policy;
    private readonly SentimentOptions _options;
    private readonly RollingWindow _window;
    private readonly Dictionary<string, AlertStateMachine> _machines = new(StringComparer.Ordinal);
    private readonly List<DryRunAlert> _alerts = [];
    private DateTimeOffset _now = DateTimeOffset.MinValue;

    public PolicyDryRun(AlertPolicy policy, SentimentOptions options)
    {
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")), nameof(policy));
        }

        (_policy, _options) = (policy, options);
        _window = new RollingWindow(policy.WindowSize, policy.WindowDuration);
        _window.Watch(policy);
    }

    /// <summary>Comments played so far.</summary>
    public int Comments { get; private set; }

    public IReadOnlyList<DryRunAlert> Alerts => _alerts;

    /// <summary>Plays one classified comment; <paramref name="index"/> and <paramref name="id"/> name it in the alerts it raises.</summary>
    public void Add(DateTimeOffset timestamp, IReadOnlyDictionary<string, Prediction> predictions, int index, string? id)
    {
        // Time never runs back: an out-of-order comment counts at its own time but decides at the newest seen.
        _now = timestamp > _now ? timestamp : _now;
        var (windowModel, _, counts, unread) = WindowLabeling.Of(predictions, _policy.WatchModel, _policy.WatchLabel, _options);
        _window.Add(timestamp, windowModel, counts, predictions.Select(p => KeyValuePair.Create(p.Key, p.Value.Label)), unread);
        _window.Expire(_now);
        Comments++;
        Decide(index, id);
    }

    private void Decide(int index, string? id)
    {
        foreach (var (rule, judgement) in SpikeJudge.JudgeAll(_window.Counts(_now), _policy))
        {
            if (!_machines.TryGetValue(rule.Key, out var machine))
            {
                _machines[rule.Key] = machine = new AlertStateMachine();
            }

            if (machine.Evaluate(judgement, _policy.Cooldown, _now) is { } kind)
            {
                _alerts.Add(new DryRunAlert(kind, _now, rule.Model, rule.Label, rule.Detector,
                    judgement.Hits, judgement.Count, judgement.Share, judgement.Baseline, judgement.PValue, index, id));
            }
        }
    }
}

/// <summary>An alert a dry run would have raised, at the comment that raised it.</summary>
public sealed record DryRunAlert(
    AlertKind Kind,
    DateTimeOffset At,
    string? Model,
    string Label,
    SpikeDetector Detector,
    int Hits,
    int Count,
    double Share,
    double? Baseline,
    double? PValue,
    int CommentIndex,
    string? CommentId);
