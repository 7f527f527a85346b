import Testing

/// Checks an analytic Hessian of a lifetime objective against central differences of its analytic
/// gradient (step 1e-5, relative tolerance 1e-6), and its symmetry.
enum HessianCheck {
    static func expectMatchesGradientDifferences(
        _ gradient: ([Double]) -> [Double], _ hessian: [Double], at theta: [Double],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let n = theta.count
        for j in 0..<n {
            var up = theta, down = theta
            up[j] += 1.0e-5
            down[j] -= 1.0e-5
            let gu = gradient(up), gd = gradient(down)
            for i in 0..<n {
                let numeric = (gu[i] - gd[i]) / 2.0e-5
                #expect(abs(numeric - hessian[i * n + j]) < 1.0e-6 * max(1, abs(numeric)),
                        "(\(i), \(j)): \(numeric) vs \(hessian[i * n + j])", sourceLocation: sourceLocation)
                #expect(hessian[i * n + j] == hessian[j * n + i], sourceLocation: sourceLocation)
            }
        }
    }
}
