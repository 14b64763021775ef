import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
/// What the preview server answers to one request, independent of the HTTP library that sends it.
public struct PreviewResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Every response carries these: the preview must never show a cached page after an edit.
    package static func make(status: Int, contentType: String, body: [UInt8], extra: [(String, String)] = []) -> PreviewResponse {
        PreviewResponse(status: status, headers: [("Content-Type", contentType), ("Cache-Control", "no-cache")] + extra
                            .map { (name: $0.0, value: $0.1) }, body: body)
    }
}
