import RedlineModel

/// An edited block's word changes tidied for display: the white space that every run of a change
/// shares at its ends is moved outside it, so markers hug the words.
///
///     [= "Lammy ", - "will host ", + "hosted ", = "US"]
///     → [= "Lammy ", - "will host", + "hosted", = " ", = "US"]
///     shown as  Lammy [-will host-]{+hosted+} US    (not  Lammy [-will host -]{+hosted +}US)
///
/// Only the display changes, as in `git diff --word-diff`: joining the equal and insert runs
/// still gives the new text and joining the equal and delete runs the old, up to a doubled space
/// where a lone insertion or deletion stood.
enum WordRuns {
    /// `words` with shared leading and trailing spaces of each change moved into equal runs.
    static func display(_ words: [WordChange]) -> [WordChange] {
        var out: [WordChange] = []
        out.reserveCapacity(words.count + 4)
        var index = 0
        while index < words.count {
            guard words[index].op != .equal else {
                out.append(words[index])
                index += 1
                continue
            }
            var end = index
            while end < words.count, words[end].op != .equal { end += 1 }
            var group = Array(words[index..<end])
            let leading = group.map { $0.text.prefix { $0 == " " }.count }.min() ?? 0
            let trailing = group.map { run in run.text.dropFirst(leading).reversed().prefix { $0 == " " }.count }.min() ?? 0
            if leading > 0 || trailing > 0 {
                group = group.map { WordChange($0.op, String($0.text.dropFirst(leading).dropLast(trailing))) }
            }
            if leading > 0 { out.append(WordChange(.equal, String(repeating: " ", count: leading))) }
            out += group.filter { !$0.text.isEmpty }
            if trailing > 0 { out.append(WordChange(.equal, String(repeating: " ", count: trailing))) }
            index = end
        }
        return out
    }
}
