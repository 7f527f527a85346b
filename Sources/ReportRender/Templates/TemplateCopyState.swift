/// Where a template folder's copy of a file stands, against the text `init` copied (its record) and
/// the tool's own text now.
public enum TemplateCopyState: Equatable, Sendable {
    /// The same text as the tool's own.
    case current
    /// Edited, and the tool's own text is still the one copied: nothing to do.
    case edited
    /// Not edited since it was copied, and the tool's own text has changed since: a report built
    /// with the folder misses the change.
    case behind
    /// Edited, and the tool's own text has changed since it was copied.
    case editedBehind
    /// Not the tool's text, and no record of what was copied: edited, or an older copy; which one
    /// cannot be told.
    case unrecorded

    /// The state of a copy from three hashes: the copy's, the recorded one (nil: no record) and the
    /// tool's own (nil: the tool no longer has the file, so there is nothing to catch up with).
    public static func of(copy: String, copied: String?, builtIn: String?) -> TemplateCopyState {
        guard let builtIn, copy != builtIn else { return copy == builtIn ? .current : .edited }
        guard let copied else { return .unrecorded }
        if builtIn == copied { return .edited }
        return copy == copied ? .behind : .editedBehind
    }

    /// The suffix of the tool's new text written beside an edited copy by `init --update`.
    public static let besideSuffix = ".new"
}
