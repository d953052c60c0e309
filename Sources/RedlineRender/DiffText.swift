import RedlineModel

/// A diff as plain text: ``DiffTerminal``'s layout without colour codes and without wrapping,
/// what `redline diff` prints when standard output is not a terminal (`--format text`).
///
///     ukraine-talks: version 1 → version 2
///     --- version 1  2025-04-23 08:00 UTC  25ca672
///     +++ version 2  2025-04-23 16:00 UTC  7c9f875
///     +1 -0 ~1 >0
///
///     ~ Ukraine [-may-]{+will+} not accept the plan.
///
///     + Talks ended on Wednesday without agreement.
public enum DiffText {
    /// `diff` as plain text; `stat` prints only the counts (``DiffStat``).
    public static func render(_ diff: ArticleDiff, stat: Bool = false, context: Int = 1) -> String {
        stat ? DiffStat.render(diff) : DiffTerminal.render(diff, options: TerminalOptions(context: context))
    }
}
