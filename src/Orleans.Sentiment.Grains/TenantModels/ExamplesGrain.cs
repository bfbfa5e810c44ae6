using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// A model's examples, in pages of <see cref="PageSize"/> rows, each its own grain: an append writes the last page
/// (or a new one) and this small index, never every example. An example's id names its page ("{page}-{n}"), so a
/// delete by id reads one page. Appends are not interleaved (the grain is not reentrant), so counts stay exact.
/// </summary>
public sealed class ExamplesGrain(
    [PersistentState("examples", Constants.StorageName)] IPersistentState<ExamplesIndexState> state,
    PipelineClock clock) : Grain, IExamplesGrain
{
    /// <summary>Rows per page: at the longest texts (Ingestion:MaxTextLength) a page stays a few megabytes.</summary>
    public const int PageSize = 500;

    private ExamplesIndexState Index => state.State;

    public async Task<AddExamplesOutcome> AddAsync(IReadOnlyList<NewExample> examples, int maxExamples)
    {
        if (Index.Total + examples.Count > maxExamples)
        {
            return new AddExamplesOutcome(false, Index.Total, [],
                $"the model holds {Index.Total} examples; {examples.Count} more would pass Training:MaxExamplesPerModel ({maxExamples})");
        }

        try
        {
            return await AppendAsync(examples);
        }
        catch
        {
            // The index in memory may count rows that are not stored: read it afresh at the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task<AddExamplesOutcome> AppendAsync(IReadOnlyList<NewExample> examples)
    {
        var now = clock.UtcNow;
        var ids = new List<string>(examples.Count);
        var remaining = examples.AsEnumerable();
        while (remaining.Any())
        {
            var page = OpenPage();
            var room = PageSize - page.Count;
            var rows = remaining.Take(room).Select((e, i) => new StoredExample($"{page.Number}-{Index.NextRow + ids.Count + i}", e.Text, e.Labels, e.IsCorrection, now)).ToList();
            remaining = remaining.Skip(room);

            // The page first: after a crash in between, the index does not count rows its pages lack.
            await Page(page.Number).AppendAsync(page.Count, rows);
            page.Count += rows.Count;
            ids.AddRange(rows.Select(r => r.Id));
        }

        Index.NextRow += ids.Count;
        Index.Total += ids.Count;
        await state.WriteStateAsync();
        return new AddExamplesOutcome(true, Index.Total, ids, null);
    }

    public async Task<ExamplesPage> ListAsync(int offset, int limit)
    {
        var rows = new List<StoredExample>();
        var skip = offset;
        foreach (var page in Index.Pages)
        {
            if (rows.Count >= limit)
            {
                break;
            }

            if (skip >= page.Count)
            {
                skip -= page.Count;
                continue;
            }

            var stored = await Page(page.Number).ReadAsync();
            rows.AddRange(stored.Skip(skip).Take(limit - rows.Count));
            skip = 0;
        }

        return new ExamplesPage(Index.Total, rows);
    }

    public async Task<IReadOnlyList<StoredExample>> ReadAllAsync()
    {
        var pages = await Task.WhenAll(Index.Pages.Select(p => Page(p.Number).ReadAsync()));
        return [.. pages.SelectMany(p => p)];
    }

    public async Task<int> DeleteAllAsync()
    {
        var removed = Index.Total;
        await Task.WhenAll(Index.Pages.Select(p => Page(p.Number).ClearAsync()));
        Index.Pages.Clear();
        Index.Total = 0;
        // Page numbers and row numbers go on counting, so an old id never names a new example.
        await state.WriteStateAsync();
        return removed;
    }

    public async Task<bool> DeleteAsync(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(id.AsSpan(0, dash), out var number) || Index.Pages.Find(p => p.Number == number) is not { } page)
        {
            return false;
        }

        if (!await Page(number).RemoveAsync(id))
        {
            return false;
        }

        page.Count--;
        Index.Total--;
        await state.WriteStateAsync();
        return true;
    }

    /// <summary>The last page when it has room, else a new one.</summary>
    private ExamplePageInfo OpenPage()
    {
        if (Index.Pages.Count > 0 && Index.Pages[^1].Count < PageSize && Index.Pages[^1].Number == Index.NextPage - 1)
        {
            return Index.Pages[^1];
        }

        var page = new ExamplePageInfo { Number = Index.NextPage++ };
        Index.Pages.Add(page);
        return page;
    }

    private IExamplePageGrain Page(int number) => GrainFactory.GetGrain<IExamplePageGrain>($"{this.GetPrimaryKeyString()}/{number}");
}

[GenerateSerializer, Alias("sentiment.ExamplesIndexState")]
public sealed class ExamplesIndexState
{
    [Id(0)]
    public List<ExamplePageInfo> Pages { get; set; } = [];

    [Id(1)]
    public int Total { get; set; }

    [Id(2)]
    public int NextPage { get; set; }

    [Id(3)]
    public long NextRow { get; set; }
}

[GenerateSerializer, Alias("sentiment.ExamplePageInfo")]
public sealed class ExamplePageInfo
{
    [Id(0)]
    public int Number { get; set; }

    /// <summary>Rows the page holds now (deletes lower it; a page is appended to only while it is the newest).</summary>
    [Id(1)]
    public int Count { get; set; }
}
