namespace Orleans.Sentiment.Themes;

/// <summary>
/// k-means on unit vectors by cosine similarity (centres are re-normalised means), seeded by k-means++ from a fixed
/// seed, so the same comments always give the same clusters. Of <see cref="ThemeOptions.Restarts"/> runs the one with
/// the highest total similarity to its centres is kept.
/// </summary>
internal sealed class SphericalKMeans
{
    private readonly ThemeFeatures _features;
    private readonly int _k;

    private SphericalKMeans(ThemeFeatures features, int k)
    {
        _features = features;
        _k = k;
        Dense = new float[k * features.Width];
        Words = new float[k * features.Vocabulary];
        Assignment = new int[features.Count];
    }

    public int[] Assignment { get; }

    /// <summary>[k × Width]: the centres' dense parts.</summary>
    public float[] Dense { get; }

    /// <summary>[k × Vocabulary]: the centres' word parts.</summary>
    public float[] Words { get; }

    public double Objective { get; private set; }

    public static SphericalKMeans Cluster(ThemeFeatures features, int k, ThemeOptions options)
    {
        var random = new Random(options.Seed);
        SphericalKMeans? best = null;
        for (var run = 0; run < Math.Max(1, options.Restarts); run++)
        {
            var candidate = new SphericalKMeans(features, k);
            candidate.Run(random, options.MaxIterations);
            if (best is null || candidate.Objective > best.Objective)
            {
                best = candidate;
            }
        }

        return best!;
    }

    public float Similarity(int point, int centre)
    {
        var f = _features;
        var similarity = VectorMath.Dot(f.Row(point), Dense.AsSpan(centre * f.Width, f.Width));
        var words = Words.AsSpan(centre * f.Vocabulary, f.Vocabulary);
        var index = f.WordIndex[point];
        var value = f.WordValue[point];
        for (var j = 0; j < index.Length; j++)
        {
            similarity += value[j] * words[index[j]];
        }

        return similarity;
    }

    private void Run(Random random, int maxIterations)
    {
        Seed(random);
        Array.Fill(Assignment, -1);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (!Assign() && iteration > 0)
            {
                break;
            }

            Update();
        }

        Assign();
    }

    /// <summary>k-means++: each further centre is a point drawn with probability ∝ its squared distance to the nearest centre.</summary>
    private void Seed(Random random)
    {
        var n = _features.Count;
        var nearest = new float[n];
        Array.Fill(nearest, float.MaxValue);
        var centre = random.Next(n);
        for (var c = 0; c < _k; c++)
        {
            SetCentreTo(c, centre);
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                // |x − c|² = 2 − 2·x·c for unit vectors.
                nearest[i] = Math.Min(nearest[i], Math.Max(0, 2 - 2 * Similarity(i, c)));
                total += nearest[i];
            }

            var target = random.NextDouble() * total;
            centre = n - 1;
            for (var i = 0; i < n; i++)
            {
                target -= nearest[i];
                if (target <= 0)
                {
                    centre = i;
                    break;
                }
            }
        }
    }

    /// <summary>Moves each point to its most similar centre; false when none moved.</summary>
    private bool Assign()
    {
        var changed = false;
        var objective = 0.0;
        for (var i = 0; i < _features.Count; i++)
        {
            var best = 0;
            var bestSimilarity = float.MinValue;
            for (var c = 0; c < _k; c++)
            {
                var similarity = Similarity(i, c);
                if (similarity > bestSimilarity)
                {
                    (best, bestSimilarity) = (c, similarity);
                }
            }

            changed |= Assignment[i] != best;
            Assignment[i] = best;
            objective += bestSimilarity;
        }

        Objective = objective;
        return changed;
    }

    private void Update()
    {
        var f = _features;
        Array.Clear(Dense);
        Array.Clear(Words);
        var sizes = new int[_k];
        for (var i = 0; i < f.Count; i++)
        {
            var c = Assignment[i];
            sizes[c]++;
            VectorMath.AddScaled(f.Row(i), 1, Dense.AsSpan(c * f.Width, f.Width));
            var words = Words.AsSpan(c * f.Vocabulary, f.Vocabulary);
            var index = f.WordIndex[i];
            var value = f.WordValue[i];
            for (var j = 0; j < index.Length; j++)
            {
                words[index[j]] += value[j];
            }
        }

        for (var c = 0; c < _k; c++)
        {
            if (sizes[c] == 0)
            {
                // An emptied centre restarts at the point its own centre fits worst, so k clusters stay k.
                SetCentreTo(c, WorstFitting());
                continue;
            }

            var dense = Dense.AsSpan(c * f.Width, f.Width);
            var words = Words.AsSpan(c * f.Vocabulary, f.Vocabulary);
            var norm = MathF.Sqrt(VectorMath.Dot(dense, dense) + VectorMath.Dot(words, words));
            if (norm > 0)
            {
                VectorMath.Scale(dense, 1 / norm);
                VectorMath.Scale(words, 1 / norm);
            }
        }
    }

    private int WorstFitting()
    {
        var worst = 0;
        var worstSimilarity = float.MaxValue;
        for (var i = 0; i < _features.Count; i++)
        {
            var similarity = Similarity(i, Assignment[i]);
            if (similarity < worstSimilarity)
            {
                (worst, worstSimilarity) = (i, similarity);
            }
        }

        return worst;
    }

    private void SetCentreTo(int centre, int point)
    {
        var f = _features;
        f.Row(point).CopyTo(Dense.AsSpan(centre * f.Width, f.Width));
        var words = Words.AsSpan(centre * f.Vocabulary, f.Vocabulary);
        words.Clear();
        var index = f.WordIndex[point];
        for (var j = 0; j < index.Length; j++)
        {
            words[index[j]] = f.WordValue[point][j];
        }
    }
}
