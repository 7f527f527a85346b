import Testing

/// Checks an objective's analytic gradient against central differences (step 1e-5) at `theta`.
func expectGradientMatchesCentralDifferences(
    _ objective: ([Double]) -> (value: Double, gradient: [Double]), at theta: [Double], tolerance: Double = 1.0e-7,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let gradient = objective(theta).gradient
    for i in theta.indices {
        var up = theta, down = theta
        up[i] += 1.0e-5
        down[i] -= 1.0e-5
        let numeric = (objective(up).value - objective(down).value) / 2.0e-5
        #expect(abs(numeric - gradient[i]) < tolerance, "component \(i): \(numeric) vs \(gradient[i])", sourceLocation: sourceLocation)
    }
}
