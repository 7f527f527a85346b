/// The log-likelihood of the last parameters a fit evaluated (internal to the lifetime models' fits):
/// the fitted parameters are the last ones evaluated, most times, and their log-likelihood, which the
/// fit reports, is then taken from here instead of a pass over the whole data again (a tenth of the
/// BG/NBD polish on 1 M-customer snapshots). The sums do not depend on the derivatives asked for, so
/// the value is the one that pass would give, to the bit.
final class LogLikelihoodMemo {
    private var parameters: [Double] = []
    private var logLikelihood = 0.0

    /// Records the log-likelihood at `parameters` (natural scale).
    func remember(_ parameters: [Double], _ logLikelihood: Double) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
    }

    /// The log-likelihood at exactly `parameters`, when they are the last ones recorded.
    func logLikelihood(at parameters: [Double]) -> Double? {
        parameters == self.parameters ? logLikelihood : nil
    }
}
