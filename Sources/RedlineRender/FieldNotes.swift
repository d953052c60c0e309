import RedlineModel

/// The changed fields in words, one note a kind of change, a repeated one counted (a live blog's
/// entries can change their authors all at once):
///
///     byline edited, entry author edited × 16   → "byline edited", "16 entry authors edited"
enum FieldNotes {
    static func notes(_ fields: [FieldChange]) -> [String] {
        var order: [String] = []
        var counts: [String: (label: String, change: String, count: Int)] = [:]
        for field in fields {
            let key = "\(field.field.label) \(field.change.rawValue)"
            if counts[key] == nil { order.append(key) }
            counts[key, default: (field.field.label, field.change.rawValue, 0)].count += 1
        }
        return order.map { key in
            let (label, change, count) = counts[key]!
            return count == 1 ? key : "\(count) \(label)s \(change)"
        }
    }
}
