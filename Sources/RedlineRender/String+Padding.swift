extension String {
    /// The string with `pad` in front until it is `width` characters long (`"7"` → `"07"`).
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
