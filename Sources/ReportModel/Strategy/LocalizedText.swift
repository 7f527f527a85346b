/// A short piece of prose in both report languages.
public struct LocalizedText: Sendable, Equatable, Hashable {
    public var en: String
    public var fr: String

    public init(en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// The text in `locale`.
    public func text(_ locale: ReportLocale) -> String {
        switch locale {
        case .en: return en
        case .fr: return fr
        }
    }
}
