/// A length of time as `watch --every` and the configuration's `every` write it, from 100 ms (a
/// shorter one, `1ms`, would send a newsroom's server a request as fast as it answers) up to a
/// week (a longer one, `99999999999999999999h`, would leave the article never polled again).
///
///     "60s" → 60    "500ms" → 0.5    "5m" → 300    "1h" → 3600    "1d" → 86400    "1w" → 604800    "90" → 90
///     "0s", "1ms", "soon", "200h", "2w" → nil
public enum PollInterval {
    /// The shortest interval taken: 100 ms.
    public static let shortest = 0.1
    /// The longest interval taken: a week.
    public static let longest: Double = 7 * 24 * 3600
    /// ``shortest`` and ``longest`` as messages say them.
    public static let bounds = "from 100ms to a week"

    /// The seconds `text` stands for, nil when it is not a length of time from ``shortest`` to ``longest``.
    public static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800)]
        var seconds = Double(text)
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            seconds = Double(text.dropLast(suffix.count)).map { $0 * scale }
            break
        }
        guard let seconds, seconds >= shortest, seconds <= longest else { return nil }
        return seconds
    }
}
