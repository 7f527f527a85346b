/// One snapshot's predictive-value outcome, per table row (made by `LifetimePredictor`).
public struct LifetimePrediction: Sendable {
    /// The fitted models, or why there are none.
    public var summary: LifetimeSummary
    /// P(alive) and predicted CLV per row of the snapshot table: NaN for prospects, and for every
    /// row when the models were not fitted.
    public var probabilityAlive: [Double]
    public var predictedCLV: [Double]
    /// Wall time the fit and the predictions took.
    public var seconds: Double
}
