/// A length of time as `watch --every` and the configuration's `every` write it.
///
///     "60s" → 60    "500ms" → 0.5    "5m" → 300    "1h" → 3600    "90" → 90    "0s", "soon" → nil
public enum PollInterval {
    /// The seconds `text` stands for, nil when it is not a positive length of time.
    public static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value > 0, value.isFinite else { return nil }
            return value * scale
        }
        guard let value = Double(text), value > 0, value.isFinite else { return nil }
        return value
    }
}
