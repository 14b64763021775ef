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
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}
