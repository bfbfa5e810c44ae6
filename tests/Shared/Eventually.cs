namespace Orleans.Sentiment.Testing;

/// <summary>Waits for a state to be reached (not for a fixed time), failing with a description when it never is.</summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> reached, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await probe();
            if (reached(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {description}; last value: {value}");
            }

            // Poll interval between checks of the awaited state, growing so a slow machine is not flooded.
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }
}
