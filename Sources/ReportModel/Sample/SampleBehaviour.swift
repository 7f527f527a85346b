/// The kinds of simulated customers and the parameters of their purchase process.
///
/// Buyers follow a BG/NBD-like process: Poisson purchases at a customer-specific
/// rate (gamma across customers) while alive, and a geometric dropout (probability
/// from a beta draw) after each repeat purchase. Spend per order is gamma around a
/// customer-specific lognormal mean.
enum SampleBehaviour: UInt8, CaseIterable {
    /// Signed up, never buys.
    case prospect = 0
    /// Buys once (the majority of buyers).
    case oneTime = 1
    /// Buys every month or two for a long time.
    case regular = 2
    /// Buys a few times at a good pace, then stops.
    case lapsing = 3
    /// Frequent, high-value buyer.
    case highValue = 4

    /// Share of customers of each kind (same order as `allCases`).
    static let shares: [Double] = [0.14, 0.50, 0.23, 0.10, 0.03]

    /// The kind for a uniform draw `u` in [0, 1).
    static func draw(_ u: Double) -> SampleBehaviour {
        var cumulative = 0.0
        for kind in allCases {
            cumulative += shares[Int(kind.rawValue)]
            if u < cumulative { return kind }
        }
        return .highValue
    }

    /// Mean days between purchases, over customers of this kind (0: no repeats).
    var meanGapDays: Double {
        switch self {
        case .prospect, .oneTime: return 0
        case .regular: return 45
        case .lapsing: return 28
        case .highValue: return 16
        }
    }

    /// Gamma shape of the purchase rate across customers (heterogeneity).
    var rateShape: Double {
        switch self {
        case .prospect, .oneTime: return 1
        case .regular: return 2.5
        case .lapsing: return 2
        case .highValue: return 3
        }
    }

    /// Beta(a, b) parameters of the dropout probability after each repeat purchase.
    var dropout: (a: Double, b: Double) {
        switch self {
        case .prospect, .oneTime: return (1, 1)
        case .regular: return (1, 24)
        case .lapsing: return (2, 5)
        case .highValue: return (1, 80)
        }
    }

    /// Median of the customer's mean spend per order, in currency units.
    var medianSpend: Double {
        switch self {
        case .prospect: return 0
        case .oneTime: return 42
        case .regular: return 58
        case .lapsing: return 48
        case .highValue: return 190
        }
    }

    /// Probability of being a loyalty-programme member (has a tier and a points balance).
    var membership: Double {
        switch self {
        case .prospect: return 0.45
        case .oneTime: return 0.6
        case .regular: return 0.8
        case .lapsing: return 0.7
        case .highValue: return 0.95
        }
    }

    /// Shift of this kind's NPS answers (promoter share up, detractor share down).
    var moodShift: Double {
        switch self {
        case .prospect: return -0.03
        case .oneTime: return -0.02
        case .regular: return 0.08
        case .lapsing: return -0.15
        case .highValue: return 0.12
        }
    }
}
