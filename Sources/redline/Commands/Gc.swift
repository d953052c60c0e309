import ArgumentParser
import Foundation
import RedlineStore

extension RedlineCommand {
    struct Gc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gc",
            abstract: "Pack the track repository into one pack (the store also packs itself as it grows).")

        @OptionGroup var repository: RepositoryOptions

        func run() throws {
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
