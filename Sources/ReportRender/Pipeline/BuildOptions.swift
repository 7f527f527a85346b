import ReportModel

/// Everything a build needs.
public struct BuildOptions: Sendable {
    public var input: ReportInput
    public var output: String
    public var config: ReportConfig
    /// A folder whose templates override the built-in ones.
    public var templates: String?

    public init(input: ReportInput, output: String, config: ReportConfig, templates: String? = nil) {
        self.input = input
        self.output = output
        self.config = config
        self.templates = templates
    }
}
