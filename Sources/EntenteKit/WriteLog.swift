import Synchronization
import EntenteModel
import EntenteOutput

/// What a build's writes did, gathered from every core as pages are written: each file's result by its path, and
/// each failure.
///
/// Kept as it comes rather than returned page by page: a result with room for a diagnostic is about a hundred bytes,
/// and the arrays of them for the 658,000 pages of a 100,000-analysis site, copied into the results at the end,
/// were over 150 MB of that build's peak.
final class WriteLog: Sendable {
    private struct Entries {
        var results: [String: OutputWriter.WriteResult] = [:]
        var failures: [Diagnostic] = []
        var pages = 0
    }

    private let entries = Mutex(Entries())

    /// Records a file's outcome: a page's, or another file's (an asset, a bundle's file).
    func record(_ path: String, _ outcome: Result<OutputWriter.WriteResult, Diagnostic>, page: Bool = false) {
        entries.withLock { entries in
            if page { entries.pages += 1 }
            switch outcome {
            case .success(let result): entries.results[path] = result
            case .failure(let diagnostic): entries.failures.append(diagnostic)
            }
        }
    }

    /// Every file's result, every failure in a fixed order (pages are written in no set order), and how many pages
    /// were written; the log is empty afterwards.
    func take() -> (results: [String: OutputWriter.WriteResult], failures: [Diagnostic], pages: Int) {
        entries.withLock { entries in
            let taken = entries
            entries = Entries()
            return (taken.results, taken.failures.sorted(), taken.pages)
        }
    }
}
