import ArgumentParser
import Foundation
import RedlineStore
import RedlineTracker

extension RedlineCommand {
    struct Gc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gc",
            abstract: "Pack the track repository into one pack (the store also packs itself as it grows).")

        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            // Ctrl-C or SIGTERM: while the pack is written, the write stops and main says so;
            // before, nothing of it is on disk and libgit2 cannot be stopped, so the process ends
            // here, saying the same; after, the packing finishes.
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber) { _ in
                    guard Tracker.stopPacking() else { return }
                    // Only what a signal handler may do: constant bytes written, no allocation.
                    let prefix: StaticString = "redline: error: ", message = StoreError.packingStoppedMessage, end: StaticString = "\n"
                    _ = write(STDERR_FILENO, prefix.utf8Start, prefix.utf8CodeUnitCount)
                    _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
                    _ = write(STDERR_FILENO, end.utf8Start, end.utf8CodeUnitCount)
                    _exit(2)
                }
            }
            guard let report = try repository.tracker().gc() else {
                Output.write("another process is packing \(repository.path); nothing done\n")
                return
            }
            Output.write(Self.line(report) + "\n")
        }

        /// `packed 1203 objects; removed 980 loose objects and 3 packs; 31.2 MB → 1.9 MB`
        static func line(_ report: PackReport) -> String {
            let sizes = "\(size(report.bytesBefore)) → \(size(report.bytesAfter))"
            guard report.objectsPacked > 0 else { return "nothing to pack; \(sizes)" }
            return "packed \(report.objectsPacked) objects; removed \(report.looseRemoved) loose objects and "
                + "\(report.packsReplaced) pack\(report.packsReplaced == 1 ? "" : "s"); \(sizes)"
        }

        private static func size(_ bytes: Int) -> String {
            bytes < 1_000_000 ? "\((bytes + 500) / 1_000) KB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }
}
