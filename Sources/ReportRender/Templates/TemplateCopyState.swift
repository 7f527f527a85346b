/// Where a template folder's copy of a file stands, against the text `init` copied (its record),
/// the tool's own text now, and a merge `init --update` may have left to do.
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
    /// Edited; `init --update` wrote the tool's new text beside it as `NAME.new`, still there to merge.
    case mergePending
    /// Edited; its `NAME.new` is gone and the copy changed since it was written: merged.
    case merged
    /// Edited; its `NAME.new` is gone but the copy has not changed since it was written, so the new
    /// text is in neither (not committed with the copy, or deleted unmerged).
    case mergeLost

    /// The state of a copy from its hash, the record's entry for it (nil: no record, or the record
    /// does not name it; `pending`: a merge left to do), the tool's own hash (nil: the tool no longer
    /// has the file, so there is nothing to catch up with) and whether `NAME.new` is there.
    public static func of(copy: String, copied: String?, pending: TemplateCopyRecord.Pending? = nil, builtIn: String?, besideExists: Bool = false) -> TemplateCopyState {
        guard let builtIn, copy != builtIn else { return copy == builtIn ? .current : .edited }
        guard let copied else { return .unrecorded }
        if let pending, pending.builtIn == builtIn {
            if besideExists { return .mergePending }
            return copy != pending.copy ? .merged : .mergeLost
        }
        if builtIn == copied { return .edited }
        return copy == copied ? .behind : .editedBehind
    }

    /// The suffix of the tool's new text written beside an edited copy by `init --update`.
    public static let besideSuffix = ".new"
}
