using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.Domain.Cases;

/// <summary>
/// One stretch of work with a deadline, as it went: a step of a case (<see cref="Step"/> set) or a whole case from
/// registration to its result (<see cref="Step"/> null). <see cref="Ended"/> is null while it is still open.
/// </summary>
public sealed record Episode(ServiceCode Service, Step? Step, Guid? Assignee, DateTimeOffset Started, DateTimeOffset Due, DateTimeOffset? Ended)
{
    public bool Late => Ended is { } end && end > Due;
}

/// <summary>What the forecast says of one open step or case: the chance that it misses its deadline.</summary>
public sealed record Risk(double Probability, bool Flagged);

/// <summary>Precision and recall of "will be late" on the episodes of a test period.</summary>
public sealed record BacktestScore(int Episodes, int Late, int Flagged, int Hits, double Threshold)
{
    public double Precision => Flagged == 0 ? 0 : (double)Hits / Flagged;
    public double Recall => Late == 0 ? 0 : (double)Hits / Late;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// The deadline-risk forecast, learnt from an office's own history: a logistic regression over how often a service's
/// step (and the same step in the hands of the same specialist) ran late before, how many cases the assignee holds at
/// the moment, and how much of the time is already used. It is trained on episodes seen at their start and part-way
/// through (while still open), so that it can answer for a case at any moment of its step. The threshold of "flagged"
/// is the one that gave the best F1 on the training history.
/// </summary>
public sealed class DeadlineRisk
{
    private const int Features = 5;
    private const double Prior = 5; // pseudo-episodes pulling a specialist's rate towards the service's
    private readonly Dictionary<(ServiceCode, Step?), (int Late, int All)> _byStep;
    private readonly Dictionary<(ServiceCode, Step?, Guid), (int Late, int All)> _byAssignee;
    private readonly double _overall;
    private readonly double[] _weights;
    private readonly double[] _mean;
    private readonly double[] _scale;

    private DeadlineRisk(IReadOnlyList<Episode> history)
    {
        var done = history.Where(e => e.Ended is not null).ToList();
        _overall = (done.Count(e => e.Late) + 1.0) / (done.Count + 2.0);
        _byStep = done.GroupBy(e => (e.Service, e.Step)).ToDictionary(g => g.Key, g => (g.Count(e => e.Late), g.Count()));
        _byAssignee = done.Where(e => e.Assignee is not null).GroupBy(e => (e.Service, e.Step, e.Assignee!.Value))
            .ToDictionary(g => g.Key, g => (g.Count(e => e.Late), g.Count()));

        // Samples: each finished episode at its start and at half and nine tenths of its time, if it was still open then.
        var queues = new QueueCounter(history);
        var samples = new List<(double[] X, bool Y)>();
        foreach (var e in done)
            foreach (var share in (double[])[0, 0.5, 0.9])
            {
                var at = e.Started + (e.Due - e.Started) * share;
                if (share > 0 && e.Ended <= at) continue;
                samples.Add((Raw(e, at, queues.OpenAt(e, at)), e.Late));
            }
        (_mean, _scale) = Standardise(samples.Select(s => s.X).ToList());
        _weights = Fit(samples.Select(s => (Scale(s.X), s.Y)).ToList());
        Threshold = BestThreshold(done.Select(e => (Probability(e, e.Started, queues.OpenAt(e, e.Started)), e.Late)).ToList());
        Trained = done.Count;
    }

    /// <summary>How many finished episodes it learnt from; below <see cref="MinimumHistory"/> it says nothing.</summary>
    public int Trained { get; }
    public double Threshold { get; }
    public const int MinimumHistory = 30;

    public static DeadlineRisk Train(IReadOnlyList<Episode> history) => new(history);

    private DeadlineRisk(Learnt learnt)
    {
        _overall = learnt.Overall;
        _byStep = learnt.ByStep.ToDictionary(r => (r.Service, r.Step), r => (r.Late, r.All));
        _byAssignee = learnt.ByAssignee.ToDictionary(r => (r.Service, r.Step, r.Assignee!.Value), r => (r.Late, r.All));
        (_weights, _mean, _scale) = (learnt.Weights, learnt.Mean, learnt.Scale);
        (Threshold, Trained) = (learnt.Threshold, learnt.Trained);
    }

    /// <summary>What the model learnt, to be stored and used again without training (the background job trains, requests read).</summary>
    public Learnt Save() => new(_overall, _weights, _mean, _scale, Threshold, Trained,
        [.. _byStep.Select(r => new LateRate(r.Key.Item1, r.Key.Item2, null, r.Value.Late, r.Value.All))],
        [.. _byAssignee.Select(r => new LateRate(r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Value.Late, r.Value.All))]);

    public static DeadlineRisk Load(Learnt learnt) =>
        learnt.Weights.Length == Features && learnt.Mean.Length == Features && learnt.Scale.Length == Features
            ? new(learnt) : throw new ArgumentException("A stored model of another shape.", nameof(learnt));

    public sealed record LateRate(ServiceCode Service, Step? Step, Guid? Assignee, int Late, int All);

    public sealed record Learnt(double Overall, double[] Weights, double[] Mean, double[] Scale, double Threshold, int Trained,
        IReadOnlyList<LateRate> ByStep, IReadOnlyList<LateRate> ByAssignee);

    /// <summary>The risk of an open episode at <paramref name="now"/>, the assignee holding <paramref name="queue"/> open ones of its kind.</summary>
    public Risk Of(Episode open, DateTimeOffset now, int queue)
    {
        var p = Probability(open, now, queue);
        return new Risk(p, p >= Threshold);
    }

    private double Probability(Episode e, DateTimeOffset at, int queue)
    {
        var x = Scale(Raw(e, at, queue));
        var z = 0.0;
        for (var i = 0; i < Features; i++) z += _weights[i] * x[i];
        return 1 / (1 + Math.Exp(-z));
    }

    private double[] Raw(Episode e, DateTimeOffset at, int queue)
    {
        var service = _byStep.TryGetValue((e.Service, e.Step), out var s) ? (s.Late + _overall * Prior) / (s.All + Prior) : _overall;
        var person = e.Assignee is { } a && _byAssignee.TryGetValue((e.Service, e.Step, a), out var p)
            ? (p.Late + service * Prior) / (p.All + Prior) : service;
        var length = (e.Due - e.Started).TotalMinutes;
        var used = length <= 0 ? 1 : Math.Clamp((at - e.Started).TotalMinutes / length, 0, 2);
        return [1, Logit(service), Logit(person), Math.Log(1 + queue), used];
    }

    private static double Logit(double p) => Math.Log(Math.Clamp(p, 0.01, 0.99) / (1 - Math.Clamp(p, 0.01, 0.99)));

    private static (double[] Mean, double[] Scale) Standardise(List<double[]> xs)
    {
        var mean = new double[Features];
        var scale = new double[Features];
        for (var i = 0; i < Features; i++)
        {
            if (i == 0 || xs.Count == 0) { scale[i] = 1; continue; }
            mean[i] = xs.Average(x => x[i]);
            var sd = Math.Sqrt(xs.Average(x => (x[i] - mean[i]) * (x[i] - mean[i])));
            scale[i] = sd < 1e-9 ? 1 : sd;
        }
        return (mean, scale);
    }

    private double[] Scale(double[] x)
    {
        var y = new double[Features];
        for (var i = 0; i < Features; i++) y[i] = i == 0 ? 1 : (x[i] - _mean[i]) / _scale[i];
        return y;
    }

    /// <summary>Logistic regression by gradient descent with a little L2 regularisation.</summary>
    private static double[] Fit(List<(double[] X, bool Y)> samples)
    {
        var w = new double[Features];
        if (samples.Count == 0) return w;
        const double rate = 0.5, l2 = 1e-3;
        for (var round = 0; round < 400; round++)
        {
            var gradient = new double[Features];
            foreach (var (x, y) in samples)
            {
                var z = 0.0;
                for (var i = 0; i < Features; i++) z += w[i] * x[i];
                var error = 1 / (1 + Math.Exp(-z)) - (y ? 1 : 0);
                for (var i = 0; i < Features; i++) gradient[i] += error * x[i];
            }
            for (var i = 0; i < Features; i++) w[i] -= rate * (gradient[i] / samples.Count + (i == 0 ? 0 : l2 * w[i]));
        }
        return w;
    }

    private static double BestThreshold(List<(double P, bool Late)> scored)
    {
        var best = (F1: -1.0, T: 0.5);
        for (var t = 0.05; t < 0.96; t += 0.05)
        {
            var score = Score(scored.Select(s => (s.P >= t, s.Late)), t);
            if (score.F1 > best.F1) best = (score.F1, t);
        }
        return best.T;
    }

    private static BacktestScore Score(IEnumerable<(bool Flagged, bool Late)> outcomes, double threshold)
    {
        var list = outcomes.ToList();
        return new BacktestScore(list.Count, list.Count(o => o.Late), list.Count(o => o.Flagged), list.Count(o => o.Flagged && o.Late), threshold);
    }

    /// <summary>
    /// Trains on the episodes started before <paramref name="split"/> (what was known then) and predicts those started
    /// after it at the moment each started. Returns the forecast's score and that of the simple rule it must beat: "late
    /// if the assignee holds more than N open ones", N chosen as best on the same training history.
    /// </summary>
    public static (BacktestScore Forecast, BacktestScore Baseline, int BaselineN) Backtest(IReadOnlyList<Episode> history, DateTimeOffset split)
    {
        // What was known at the split: episodes finished by then (the rest are still open, their outcome unknown).
        var known = history.Where(e => e.Started < split).Select(e => e.Ended <= split ? e : e with { Ended = null }).ToList();
        var model = Train(known);
        var queues = new QueueCounter(history);
        var test = history.Where(e => e.Started >= split && e.Ended is not null).ToList();
        var forecast = Score(test.Select(e => (model.Of(e, e.Started, queues.OpenAt(e, e.Started)).Flagged, e.Late)), model.Threshold);

        var trainDone = known.Where(e => e.Ended is not null).ToList();
        var trainQueues = trainDone.Select(e => (Queue: queues.OpenAt(e, e.Started), e.Late)).ToList();
        var n = Enumerable.Range(0, 40).MaxBy(k => Score(trainQueues.Select(q => (q.Queue > k, q.Late)), k).F1);
        var baseline = Score(test.Select(e => (queues.OpenAt(e, e.Started) > n, e.Late)), n);
        return (forecast, baseline, n);
    }

    /// <summary>How many episodes of the same kind the same assignee held open at a moment (the one asked about excluded).</summary>
    private sealed class QueueCounter(IReadOnlyList<Episode> all)
    {
        private readonly ILookup<(Step?, Guid), Episode> _byAssignee = all.Where(e => e.Assignee is not null).ToLookup(e => (e.Step, e.Assignee!.Value));

        public int OpenAt(Episode e, DateTimeOffset at) => e.Assignee is not { } a ? 0
            : _byAssignee[(e.Step, a)].Count(o => !ReferenceEquals(o, e) && o.Started <= at && (o.Ended is null || o.Ended > at));
    }
}
