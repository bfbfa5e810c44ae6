using System.Diagnostics;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Moves a span's W3C context across the hops Activity.Current does not cross: into a message (<see cref="TraceContext"/>)
/// and into a grain call's <see cref="RequestContext"/> under the <c>traceparent</c>/<c>tracestate</c> keys, the ones
/// Orleans' own activity propagation uses.
/// </summary>
public static class TraceContexts
{
    public const string TraceParentKey = "traceparent";
    public const string TraceStateKey = "tracestate";

    public static TraceContext Of(Activity activity) => new(activity.Id!, activity.TraceStateString);

    /// <summary>The span context a message carries; default when it carries none or an unreadable one.</summary>
    public static ActivityContext Parse(TraceContext? trace) =>
        trace is not null && ActivityContext.TryParse(trace.TraceParent, trace.TraceState, isRemote: true, out var context) ? context : default;

    /// <summary>Hands <paramref name="activity"/>'s context to the grain calls that follow in this flow.</summary>
    public static void Carry(Activity activity)
    {
        RequestContext.Set(TraceParentKey, activity.Id!);
        if (activity.TraceStateString is { } state)
        {
            RequestContext.Set(TraceStateKey, state);
        }
        else
        {
            RequestContext.Remove(TraceStateKey);
        }
    }

    /// <summary>The caller's span context from the grain call's <see cref="RequestContext"/>; default when none came.</summary>
    public static ActivityContext FromCaller() =>
        RequestContext.Get(TraceParentKey) is string parent && ActivityContext.TryParse(parent, RequestContext.Get(TraceStateKey) as string, isRemote: true, out var context)
            ? context
            : default;
}
