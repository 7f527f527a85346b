/// The tool's version, as `--version` prints it and the deliverables name it.
public enum ToolVersion {
    public static let current = "0.1.0"
}
