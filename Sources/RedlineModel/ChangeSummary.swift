/// The counts of each kind of change between two versions.
public struct ChangeSummary: Sendable, Hashable, Codable {
    public var added = 0
    public var removed = 0
    public var edited = 0
    public var moved = 0
    public var unchanged = 0
    public var keyEventsAdded = 0
    public var keyEventsRemoved = 0
    public var keyEventsRetitled = 0
    public var fieldsChanged = 0
    /// Whether the headline is one of the changed fields.
    public var headlineChanged = false

    /// All counts zero.
    public init() {}

    /// True when anything was added, removed, edited or moved, or the key events or fields changed.
    public var hasChanges: Bool {
        added + removed + edited + moved + keyEventsAdded + keyEventsRemoved + keyEventsRetitled + fieldsChanged > 0
    }

    /// A short line such as `+3 -0 ~2 >1, headline changed, 1 new key event`.
    public var line: String {
        var text = "+\(added) -\(removed) ~\(edited) >\(moved)"
        if headlineChanged { text += ", headline changed" }
        if keyEventsAdded > 0 { text += ", \(keyEventsAdded) new key event" + (keyEventsAdded == 1 ? "" : "s") }
        if keyEventsRetitled > 0 { text += ", \(keyEventsRetitled) retitled" }
        if keyEventsRemoved > 0 { text += ", \(keyEventsRemoved) key event" + (keyEventsRemoved == 1 ? "" : "s") + " dropped" }
        let others = fieldsChanged - (headlineChanged ? 1 : 0)
        if others > 0 { text += ", \(others) " + (headlineChanged ? "other " : "") + "field" + (others == 1 ? "" : "s") + " changed" }
        return text
    }

    /// The compact form stored in a commit trailer: `added=3 removed=0 edited=2 moved=1 …`.
    public var trailerValue: String {
        fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

    /// Reads the trailer form back; nil when it is malformed.
    public init?(trailerValue: String) {
        var summary = ChangeSummary()
        for pair in trailerValue.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]), value >= 0 else { return nil }
            switch parts[0] {
            case "added": summary.added = value
            case "removed": summary.removed = value
            case "edited": summary.edited = value
            case "moved": summary.moved = value
            case "unchanged": summary.unchanged = value
            case "keyEventsAdded": summary.keyEventsAdded = value
            case "keyEventsRemoved": summary.keyEventsRemoved = value
            case "keyEventsRetitled": summary.keyEventsRetitled = value
            case "fieldsChanged": summary.fieldsChanged = value
            case "headlineChanged": summary.headlineChanged = value > 0
            default: continue
            }
        }
        self = summary
    }

    private var fields: [(String, Int)] {
        [("added", added), ("removed", removed), ("edited", edited), ("moved", moved), ("unchanged", unchanged),
         ("keyEventsAdded", keyEventsAdded), ("keyEventsRemoved", keyEventsRemoved), ("keyEventsRetitled", keyEventsRetitled),
         ("fieldsChanged", fieldsChanged), ("headlineChanged", headlineChanged ? 1 : 0)]
    }
}
