/// The version of redline itself, as `redline --version` prints it and every request's
/// User-Agent names it.
public enum RedlineVersion {
    public static let current = "0.1.0"
}
