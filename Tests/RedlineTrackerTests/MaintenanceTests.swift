import Foundation
import Testing

/// `git gc`, `git repack -ad` and `git pack-refs` running while redline writes (issue 16, item 3):
/// `scripts/stress-store.sh` at a size the suite can afford (the 8 × 100 is the script's
/// default, run by hand).
@Suite struct MaintenanceTests {
    @Test func writersAndWatchersSurviveGitMaintenance() throws {
        let script = RedlineProcess.packageRoot + "/scripts/stress-store.sh"
        let result = try RedlineProcess.shell(
            "WRITERS=4 CAPTURES=15 WATCHERS=2 REDLINE='\(RedlineProcess.executable)' '\(script)' 2>&1")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("2 of 2 watchers running at the end"), "\(result.stdout)")
    }
}
