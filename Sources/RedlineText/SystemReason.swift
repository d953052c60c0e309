import Foundation

/// The system's reason for a failed file operation as a clause ending without a full stop
/// (`permission denied`), rather than Foundation's sentence or its `Error Domain=… UserInfo={…}`,
/// for the one-line messages redline prints.
public enum SystemReason {
    /// The reason of a Foundation or POSIX error; any other error's own description.
    public static func of(_ error: any Error) -> String {
        let bridged = error as NSError
        guard bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain else { return String(describing: error) }
        let error = bridged
        let posix = (error.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
        if let posix, let text = strerror(Int32(posix)) {
            return String(cString: text).lowercased()
        }
        switch error.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "the disk is full"
        case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
        default: break
        }
        var text = error.localizedFailureReason ?? error.localizedDescription
        while text.last == "." || text.last == " " { text.removeLast() }
        return text
    }
}
