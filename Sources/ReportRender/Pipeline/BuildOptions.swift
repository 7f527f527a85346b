import ReportModel

/// Everything a build needs.
public struct BuildOptions: Sendable {
    public var input: ReportInput
    public var output: String
    public var config: ReportConfig
    /// A folder whose templates override the built-in ones.
    public var templates: String?
    /// The config file read, if any: like the input and `templates`, refused inside the output
    /// folder, which each build replaces whole.
    public var configPath: String?
    /// What the config was made from (file text and command-line overrides). When set, a build
    /// whose config, templates and input bytes match the existing site's is skipped; nil always builds.
    public var configFingerprint: String?
    /// With `strict`, any warning stops the build before the swap (exit 65): the site in place is
    /// kept, and nothing doubtful is published. `config.warnings` count as warnings too.
    public var strict = false
    /// The escalations that fail the run (`build --fail-on`): those it names by id that the input
    /// cannot raise are warned about (and count under `strict`).
    public var failOn: FailOnPolicy?
    /// The memory this process may use, against which a ledger is measured before it is read;
    /// nil: read from the machine and its control groups when the build starts (tests set it).
    var memory: MemoryLimit?

    public init(input: ReportInput, output: String, config: ReportConfig, templates: String? = nil) {
        self.input = input
        self.output = output
        self.config = config
        self.templates = templates
    }
}
