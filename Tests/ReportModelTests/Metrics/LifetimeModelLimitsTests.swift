import Testing
@testable import ReportModel

/// The limits a fit can reach, read from the parameters (`LifetimeModelFigures`), and the population's
/// mean spend, p·v / (q − 1), worked by hand.
@Suite struct LifetimeModelLimitsTests {
    static func figures(a: Double = 0.8, b: Double = 2.4, p: Double? = 6.25, q: Double? = 3.74, v: Double? = 15.44) -> LifetimeModelFigures {
        LifetimeModelFigures(timeUnit: .week, r: 0.243, alpha: 4.414, a: a, b: b, logLikelihood: -9582.4, p: p, q: q, v: v,
                             gammaGammaExcluded: 0, horizonMonths: 12, monthlyDiscountRate: 0.01)
    }

    @Test func populationMeanSpendByHand() throws {
        // 6.25 × 15.44 / 2.74 = 35.2190…
        #expect(abs(try #require(Self.figures().populationMeanSpend) - 6.25 * 15.44 / 2.74) < 1e-12)
        #expect(Self.figures(q: 1).populationMeanSpend == nil)
        #expect(Self.figures(p: nil, q: nil, v: nil).populationMeanSpend == nil && Self.figures(p: nil, q: nil, v: nil).gammaGamma == nil)
    }

    @Test func limits() {
        let ridge = GammaGammaModel.ridgeScale
        #expect(Self.figures().spendLimit == nil && !Self.figures().hasConstantDropout)
        #expect(Self.figures(p: ridge).spendLimit == .constantSpend)
        #expect(Self.figures(q: ridge).spendLimit == .sharedRate)
        #expect(Self.figures(p: ridge, q: ridge).spendLimit == .singlePrice)
        #expect(Self.figures(p: nil, q: nil, v: nil).spendLimit == nil)
        #expect(Self.figures(a: BGNBDModel.ridgeScale / 2, b: BGNBDModel.ridgeScale / 2).hasConstantDropout)
        #expect(!Self.figures(a: BGNBDModel.ridgeScale / 2, b: BGNBDModel.ridgeScale / 2 - 1).hasConstantDropout)
    }
}
