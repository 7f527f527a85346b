import Foundation

/// Unconstrained minimisation of smooth objectives over log-parameters (internal):
/// BFGS with a backtracking Armijo line search from several starts, Nelder–Mead as fallback.
enum LifetimeOptimizer {
    /// Value and gradient of the objective at a point.
    typealias Objective = ([Double]) -> (value: Double, gradient: [Double])
    /// Value, gradient and Hessian (row-major) of the objective at a point.
    typealias SecondOrder = (value: Double, gradient: [Double], hessian: [Double])
    /// The region a search keeps to: true for a point inside it. A run whose point leaves it stops
    /// there (`Result.leftRegion`), and no fallback search starts from such a point.
    typealias Region = ([Double]) -> Bool

    /// Outcome of a minimisation.
    struct Result: Sendable {
        var theta: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        /// BFGS's inverse-Hessian estimate at `theta` (row-major), nil after Nelder–Mead alone.
        var inverseHessian: [Double]?
        /// The exact Hessian at `theta` (row-major), after `newton`.
        var hessian: [Double]?
        /// The run stopped because its point left the region searched.
        var leftRegion = false
        /// Largest absolute gradient component at `theta`.
        var gradientNorm: Double { gradient.reduce(0) { max($0, abs($1)) } }
    }

    // MARK: - Settings

    /// Coordinates are kept within ±bound (parameters within e^±40).
    static let bound = 40.0
    /// Largest step (max-norm) a line search starts from.
    static let maxStep = 2.0
    /// BFGS stops below this largest gradient component.
    static let gradientTolerance = 1.0e-10
    /// Relative rounding noise of an objective that sums many terms (see the line search).
    static let noise = 1.0e-13
    /// A run counts as converged below this largest gradient component.
    static let acceptTolerance = 1.0e-6

    // MARK: - Driver

    /// Minimises `f` from each start with BFGS, stopping early once two runs agree on the
    /// optimum; falls back to Nelder–Mead (then BFGS again) when no run reached
    /// `acceptTolerance`. Returns the best point found, or nil when `f` was never finite.
    static func minimize(
        _ f: Objective, starts: [[Double]], gradientTolerance: Double = gradientTolerance,
        acceptTolerance: Double = acceptTolerance, within region: Region? = nil
    ) -> Result? {
        search(f, starts: starts, gradientTolerance: gradientTolerance, acceptTolerance: acceptTolerance, within: region).best
    }

    /// `minimize`, also returning every distinct optimum the runs converged to (best first): where
    /// the likelihood has more than one, a survey's best need not be the whole data's. With a
    /// `region`, runs stop where they leave it, and when the best run did, no fallback follows.
    static func search(
        _ f: Objective, starts: [[Double]], gradientTolerance: Double = gradientTolerance,
        acceptTolerance: Double = acceptTolerance, within region: Region? = nil
    ) -> (best: Result?, optima: [Result]) {
        var best: Result?
        var converged: [Result] = []
        func same(_ u: Result, _ v: Result) -> Bool { abs(u.value - v.value) <= 1.0e-9 * max(1, abs(v.value)) }
        for start in starts {
            guard let run = bfgs(f, from: start, gradientTolerance: gradientTolerance, within: region) else { continue }
            if best == nil || run.value < best!.value { best = run }
            if run.gradientNorm <= acceptTolerance {
                if converged.contains(where: { same($0, run) }) { break }
                converged.append(run)
            }
        }
        converged.sort { $0.value < $1.value }
        if let b = best, b.gradientNorm <= acceptTolerance || b.leftRegion { return (b, converged) }
        // Fallback: Nelder–Mead from the best point (or the first start), then polish.
        let origin = best?.theta ?? starts.first ?? []
        guard !origin.isEmpty else { return (best, converged) }
        var point = nelderMead({ f($0).value }, from: origin, within: region)
        point = nelderMead({ f($0).value }, from: point, within: region)
        if let polished = bfgs(f, from: point, gradientTolerance: gradientTolerance, within: region),
           best == nil || polished.value <= best!.value || polished.gradientNorm <= acceptTolerance {
            best = polished
            if polished.gradientNorm <= acceptTolerance && !converged.contains(where: { same($0, polished) }) {
                converged.append(polished)
                converged.sort { $0.value < $1.value }
            }
        }
        return (best, converged)
    }

    // MARK: - BFGS

    /// BFGS on the inverse Hessian with a backtracking (Armijo) line search; nil when the
    /// objective is not finite at the start.
    /// `initialInverseHessian` (for instance a previous search's estimate) replaces the identity
    /// as the first inverse-Hessian estimate. With a `region`, the run stops at its first point
    /// outside it (`leftRegion`).
    static func bfgs(
        _ f: Objective, from start: [Double], gradientTolerance: Double, maxIterations: Int = 1000,
        initialInverseHessian: [Double]? = nil, within region: Region? = nil
    ) -> Result? {
        let n = start.count
        var x = start.map { min(max($0, -bound), bound) }
        var (fx, g) = f(x)
        guard fx.isFinite, g.allSatisfy(\.isFinite) else { return nil }
        var h = identity(n)
        var hIsIdentity = true
        if let given = initialInverseHessian, given.count == n * n, given.allSatisfy(\.isFinite) {
            h = given
            hIsIdentity = false
        }
        var stalled = 0
        var iteration = 0
        var left = region.map { !$0(x) } ?? false
        while iteration < maxIterations && !left {
            iteration += 1
            if maxAbs(g) <= gradientTolerance { break }
            var d = multiply(h, g, n).map { -$0 }
            var slope = dot(g, d)
            if !(slope < 0) {
                h = identity(n); hIsIdentity = true
                d = g.map { -$0 }
                slope = -dot(g, g)
            }
            capStep(&d, slope: &slope)
            // Backtracking line search.
            var step = 1.0
            var accepted: (x: [Double], f: Double, g: [Double])?
            for _ in 0..<60 {
                let trial = zip(x, d).map { $0 + step * $1 }
                if trial.contains(where: { abs($0) > bound }) { step *= 0.5; continue }
                let (ft, gt) = f(trial)
                if accepts(ft, gt, from: fx, g, step: step, slope: slope) {
                    accepted = (trial, ft, gt)
                    break
                }
                if ft.isFinite {
                    // Minimiser of the quadratic through f(0), f'(0) and f(step), kept in [0.1, 0.5]·step.
                    let denominator = 2 * (ft - fx - slope * step)
                    let candidate = denominator > 0 ? -slope * step * step / denominator : 0.5 * step
                    step = min(max(candidate, 0.1 * step), 0.5 * step)
                } else {
                    step *= 0.5
                }
            }
            guard let next = accepted else {
                if hIsIdentity { break }
                h = identity(n); hIsIdentity = true
                continue
            }
            let s = zip(next.x, x).map { $0 - $1 }
            let y = zip(next.g, g).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1.0e-12 * sqrt(dot(s, s) * dot(y, y)) {
                if hIsIdentity {
                    let scale = sy / dot(y, y)
                    h = identity(n).map { $0 * scale }
                }
                update(&h, s: s, y: y, sy: sy, n: n)
                hIsIdentity = false
            }
            let decrease = fx - next.f
            let flatter = maxAbs(next.g) < 0.5 * maxAbs(g)
            stalled = decrease <= 1.0e-15 * max(1, abs(fx)) && !flatter ? stalled + 1 : 0
            (x, fx, g) = (next.x, next.f, next.g)
            if let region, !region(x) { left = true }
            if stalled >= 4 { break }
        }
        return Result(theta: x, value: fx, gradient: g, iterations: iteration, inverseHessian: h, leftRegion: left)
    }

    // MARK: - Newton

    /// Newton's method with the exact Hessian and a backtracking line search (the same acceptance
    /// rules as `bfgs`), for polishing a point already near the optimum: quadratic convergence, and
    /// one pass over the data per step where BFGS needs more steps. Nil when the objective is not
    /// finite at the start or its Hessian on the way is not positive definite (the caller then
    /// polishes with BFGS).
    static func newton(
        _ f: ([Double]) -> SecondOrder, from start: [Double], gradientTolerance: Double, maxIterations: Int = 50
    ) -> Result? {
        let n = start.count
        var x = start
        var (fx, g, h) = f(x)
        guard fx.isFinite, g.allSatisfy(\.isFinite) else { return nil }
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            if maxAbs(g) <= gradientTolerance { break }
            guard let solved = choleskySolve(h, g, n) else { return nil }
            var d = solved.map { -$0 }
            var slope = dot(g, d)
            guard slope < 0 else { return nil }
            capStep(&d, slope: &slope)
            var step = 1.0
            var accepted: SecondOrder?
            var acceptedX: [Double] = []
            // At the rounding noise a rejected full step is not worth halving far: each trial is a pass.
            for _ in 0..<(maxAbs(g) <= acceptTolerance ? 2 : 40) {
                let trial = zip(x, d).map { $0 + step * $1 }
                if trial.contains(where: { abs($0) > bound }) { step *= 0.5; continue }
                let next = f(trial)
                if next.hessian.allSatisfy(\.isFinite), accepts(next.value, next.gradient, from: fx, g, step: step, slope: slope) {
                    accepted = next
                    acceptedX = trial
                    break
                }
                step *= 0.5
            }
            guard let next = accepted else { break }
            (x, fx, g, h) = (acceptedX, next.value, next.gradient, next.hessian)
        }
        return Result(theta: x, value: fx, gradient: g, iterations: iteration, inverseHessian: nil, hessian: h)
    }

    /// Solves H y = v for a symmetric positive-definite H (row-major n × n) by Cholesky
    /// factorisation; nil when H is not positive definite.
    static func choleskySolve(_ h: [Double], _ v: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = h[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = v
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }

    // MARK: - Line search

    /// Scales a search direction (and its slope) down to a largest component of `maxStep`.
    private static func capStep(_ d: inout [Double], slope: inout Double) {
        let longest = maxAbs(d)
        guard longest > maxStep else { return }
        let scale = maxStep / longest
        d = d.map { $0 * scale }
        slope *= scale
    }

    /// Whether the line searches take a trial point of value `ft` and gradient `gt`, a `step` along a
    /// direction of `slope` from a point of value `fx` and gradient `g`: Armijo's sufficient decrease;
    /// or, once the decrease is below the objective's rounding noise (near the optimum), a step that
    /// stays within that noise and shrinks the gradient. Without the second rule the search stalls
    /// with the gradient near 1e-8 on a large data set.
    private static func accepts(_ ft: Double, _ gt: [Double], from fx: Double, _ g: [Double], step: Double, slope: Double) -> Bool {
        guard ft.isFinite, gt.allSatisfy(\.isFinite) else { return false }
        let sufficient = ft <= fx + 1.0e-4 * step * slope
        let withinNoise = ft <= fx + noise * max(1, abs(fx)) && maxAbs(gt) < maxAbs(g)
        return sufficient || withinNoise
    }

    // MARK: - Nelder–Mead

    /// Nelder–Mead simplex search (standard coefficients) from `start` with unit-half edges; with a
    /// `region`, it stops once its best vertex lies outside it.
    static func nelderMead(_ f: ([Double]) -> Double, from start: [Double], maxIterations: Int = 4000, within region: Region? = nil) -> [Double] {
        let n = start.count
        func value(_ p: [Double]) -> Double {
            if p.contains(where: { abs($0) > bound }) { return .infinity }
            let v = f(p)
            return v.isFinite ? v : .infinity
        }
        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += 0.5
            simplex.append(p)
        }
        var values = simplex.map(value)
        for _ in 0..<maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if let region, !region(simplex[0]) { break }
            let spread = values[n] - values[0]
            let size = (1...n).map { i in maxAbs(zip(simplex[i], simplex[0]).map { $0 - $1 }) }.max() ?? 0
            if spread.isFinite, spread <= 1.0e-14 * (abs(values[0]) + 1.0e-12), size <= 1.0e-10 { break }
            var centroid = [Double](repeating: 0, count: n)
            for i in 0..<n { for j in 0..<n { centroid[j] += simplex[i][j] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = value(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = value(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = value(contracted)
                if fc < min(fr, values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = value(simplex[i])
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return simplex[bestIndex]
    }

    // MARK: - Curvature

    /// Eigenvalues of the Hessian at `theta`, by forward differences of the gradient from
    /// `gradient` (the gradient at `theta`, step `h` in each coordinate), symmetrised; ascending.
    /// (Central differences cost n more evaluations for an accuracy the strictness test does not need.)
    static func hessianEigenvalues(_ f: Objective, at theta: [Double], gradient: [Double], step h: Double = 1.0e-4) -> [Double] {
        let n = theta.count
        var m = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var up = theta
            up[j] += h
            let gu = f(up).gradient
            for i in 0..<n { m[i * n + j] = (gu[i] - gradient[i]) / h }
        }
        for i in 0..<n {
            for j in 0..<i {
                let mean = 0.5 * (m[i * n + j] + m[j * n + i])
                m[i * n + j] = mean
                m[j * n + i] = mean
            }
        }
        return symmetricEigenvalues(m, n).sorted()
    }

    /// Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations.
    static func symmetricEigenvalues(_ matrix: [Double], _ n: Int) -> [Double] {
        var a = matrix
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i * n + j] * a[i * n + j] } }
            if off <= 1.0e-30 * max(1, (0..<n).reduce(0) { $0 + a[$1 * n + $1] * a[$1 * n + $1] }) { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + sqrt(theta * theta + 1))
                    let c = 1 / sqrt(t * t + 1), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                }
            }
        }
        return (0..<n).map { a[$0 * n + $0] }
    }

    // MARK: - Linear algebra on small dense matrices (row-major)

    private static func identity(_ n: Int) -> [Double] {
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n { m[i * n + i] = 1 }
        return m
    }

    private static func multiply(_ m: [Double], _ v: [Double], _ n: Int) -> [Double] {
        (0..<n).map { i in (0..<n).reduce(0) { $0 + m[i * n + $1] * v[$1] } }
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private static func maxAbs(_ v: [Double]) -> Double {
        v.reduce(0) { max($0, abs($1)) }
    }

    /// H ← H + (sy + yᵀHy) ssᵀ / sy² − (Hy sᵀ + s yᵀH) / sy.
    private static func update(_ h: inout [Double], s: [Double], y: [Double], sy: Double, n: Int) {
        let hy = multiply(h, y, n)
        let yhy = dot(y, hy)
        let c1 = (sy + yhy) / (sy * sy)
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] += c1 * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy
            }
        }
    }
}
