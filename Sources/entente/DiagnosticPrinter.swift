import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport
import Foundation

/// Prints diagnostics to standard error, one per line, in the compiler format editors understand.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.sorted().map(\.description).joined(separator: "\n") + "\n"
        // Not `write(_:)`, which stops the process when the reader has gone (a closed pipe).
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    static func printError(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data("error: \(message)\n".utf8))
    }
}
