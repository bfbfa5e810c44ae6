using System.Diagnostics;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Puts the current span's context on every outgoing grain call, so the callee's span (classify, alert) joins the
/// caller's trace. Orleans' AddActivityPropagation does this too, but only while its own ActivitySources are listened
/// to, and it files calls to interfaces whose namespace starts with "Orleans" (this project's) under
/// "Microsoft.Orleans.Runtime" with the runtime's own calls: listening there would trace every membership and
/// directory call. Without a current span this costs one null check.
/// </summary>
internal sealed class TraceContextCallFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (Activity.Current is { } current)
        {
            TraceContexts.Carry(current);
        }

        return context.Invoke();
    }
}
